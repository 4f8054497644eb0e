using InnerAlly.Language.Heads;

namespace InnerAlly.Language.Training;

/// <summary>Training a head with every class weighing the same, and reading it on held-out folds.</summary>
public sealed partial class Trainer
{
    private double[][] OutOfFold(IReadOnlyList<string> classes, List<float[]> x, List<double[]> targets)
    {
        var outOfFold = new double[x.Count][];
        for (var fold = 0; fold < Folds; fold++)
        {
            var train = Enumerable.Range(0, x.Count).Where(i => i % Folds != fold).ToList();
            var head = TrainBalanced(classes, [.. train.Select(i => x[i])], [.. train.Select(i => targets[i])]);
            for (var i = fold; i < x.Count; i += Folds)
            {
                outOfFold[i] = head.Predict(x[i]);
            }
        }

        return outOfFold;
    }

    private double HeldOutAccuracy(IReadOnlyList<string> classes, List<float[]> x, List<double[]> targets)
    {
        var predictions = OutOfFold(classes, x, targets);
        return Enumerable.Range(0, x.Count).Count(i => targets[i][Array.IndexOf(predictions[i], predictions[i].Max())] > 0) / (double)x.Count;
    }

    private SoftmaxHead TrainBalanced(IReadOnlyList<string> classes, IReadOnlyList<float[]> x, IReadOnlyList<double[]> targets, double? l2 = null)
    {
        // Each class weighs the same in total, however many examples it has.
        var mass = new double[classes.Count];
        foreach (var t in targets)
        {
            for (var c = 0; c < mass.Length; c++)
            {
                mass[c] += t[c];
            }
        }

        var weights = targets.Select(t => Enumerable.Range(0, mass.Length).Sum(c => t[c] > 0 ? t[c] / mass[c] : 0)).ToList();
        return SoftmaxHead.Train(classes, x, targets, weights, l2 ?? L2);
    }

    private static List<double[]> OneHot(IReadOnlyList<int> labels, int classes) =>
        [.. labels.Select(l =>
        {
            var v = new double[classes];
            v[l] = 1;
            return v;
        })];
}
