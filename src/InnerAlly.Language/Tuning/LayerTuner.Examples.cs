using InnerAlly.Language.Heads;
using InnerAlly.Language.Training;

namespace InnerAlly.Language.Tuning;

/// <summary>What the tuning reads: sentence examples with balanced weights, the paired lines, and the head on the frozen layer that picks a risky line's likeliest sentence.</summary>
public sealed partial class LayerTuner
{
    private static double MeanCosine(BertLayer layer, List<(float[] Ordinary, float[] Risky)> pairs) =>
        pairs.Average(p => PooledObjective.PairLoss(layer, p.Ordinary, p.Risky, 1, 0));

    private static List<(string Ordinary, string Risky)> PairedLines(string trainingFolder)
    {
        var pairs = new List<(string Ordinary, string Risky)>();
        foreach (var file in PairFiles)
        {
            var lines = LabelledData.Risk(Path.Combine(trainingFolder, file));
            for (var i = 0; i + 1 < lines.Count; i++)
            {
                var (a, b) = (lines[i], lines[i + 1]);
                if ((a.Risk == RiskCategories.None) != (b.Risk == RiskCategories.None))
                {
                    pairs.Add(a.Risk == RiskCategories.None ? (a.Text, b.Text) : (b.Text, a.Text));
                    i++;
                }
            }
        }

        return pairs;
    }

    /// <summary>Each class weighs the same in total (as the trainer balances its heads); weights average 1.</summary>
    private List<TuningExample> Examples(List<(string Sentence, int Label, int Line)> rows, Dictionary<string, float[]> states)
    {
        var counts = new int[RiskCategories.All.Count];
        foreach (var r in rows)
        {
            counts[r.Label]++;
        }

        var present = counts.Count(c => c > 0);
        return [.. rows.Select(r =>
        {
            var target = new double[RiskCategories.All.Count];
            target[r.Label] = 1;
            return new TuningExample(states[r.Sentence], cues.Read(r.Sentence).Values, target, rows.Count / (double)(present * counts[r.Label]));
        })];
    }

    private PooledHead TrainFrozenHead(List<(string Sentence, int Label, int Line)> rows, Func<string, float[]> embed)
    {
        var x = rows.Select(r => PooledObjective.Features(embed(r.Sentence), cues.Read(r.Sentence).Values)).ToList();
        var counts = new double[RiskCategories.All.Count];
        foreach (var r in rows)
        {
            counts[r.Label]++;
        }

        var targets = rows.Select(r =>
        {
            var t = new double[RiskCategories.All.Count];
            t[r.Label] = 1;
            return t;
        }).ToList();
        var trained = SoftmaxHead.Train(RiskCategories.All, x, targets, [.. rows.Select(r => 1 / counts[r.Label])], Trainer.DefaultL2);
        var head = new PooledHead(RiskCategories.All.Count, x[0].Length);
        for (var c = 0; c < head.Classes; c++)
        {
            trained.Weights[c].CopyTo(head.Weights, c * head.Features);
            head.Bias[c] = trained.Bias[c];
        }

        return head;
    }
}
