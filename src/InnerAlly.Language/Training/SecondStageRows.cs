using InnerAlly.Language.Heads;
using InnerAlly.Language.Rules;

namespace InnerAlly.Language.Training;

/// <summary>
/// What the second stage is trained on: every training sentence the first stage flags on held-out
/// folds, and the sentences of the paired lines (Training/second-stage-pairs.jsonl: an ordinary and
/// a risky line in the same surface form) that the first stage, trained on everything else, flags.
/// The pairs teach only the second stage, so the first stage's reading of short everyday notes
/// does not move. Each row is the sentence's features followed by its frame cues.
/// </summary>
/// <param name="Texts">The text of each training sentence, row for row with the first stage's rows.</param>
/// <param name="Pairs">The paired lines' sentences, with their features, cues and label.</param>
public sealed record SecondStageRows(List<string> Texts, List<(float[] X, int Y, SentenceCues Cues, string Text)> Pairs)
{
    /// <param name="X">Second-stage inputs.</param>
    /// <param name="Y">Risk category (0 none).</param>
    /// <param name="Original">The row's index among the training sentences, or -1 for a paired line's sentence.</param>
    /// <param name="Fold">The held-out fold the row belongs to.</param>
    public sealed record Rows(List<float[]> X, List<int> Y, List<int> Original, List<int> Fold);

    internal Rows Flagged(Trainer trainer, List<float[]> x, List<int> y, List<bool> figurative, List<string?> strong, double[] anyRisk, double threshold, int folds)
    {
        var set = new Rows([], [], [], []);
        for (var i = 0; i < x.Count; i++)
        {
            if (strong[i] is null && anyRisk[i] >= threshold)
            {
                Add(set, Features.Second(x[i], LiteralFrame.Read(Texts[i])), y[i], i, i % folds);
            }
        }

        if (Pairs.Count == 0)
        {
            return set;
        }

        var (topic, literal) = trainer.RiskHeads(x, y, figurative);
        for (var j = 0; j < Pairs.Count; j++)
        {
            var (features, label, cues, text) = Pairs[j];
            var any = cues.Adjust((1 - topic.Predict(features)[0]) * literal.Predict(features)[1]);
            if (cues.StrongRisk is null && any >= threshold)
            {
                Add(set, Features.Second(features, LiteralFrame.Read(text)), label, -1, j % folds);
            }
        }

        return set;
    }

    private static void Add(Rows set, float[] x, int y, int original, int fold)
    {
        set.X.Add(x);
        set.Y.Add(y);
        set.Original.Add(original);
        set.Fold.Add(fold);
    }
}
