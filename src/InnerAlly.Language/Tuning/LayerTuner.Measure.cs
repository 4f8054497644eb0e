using System.Globalization;

namespace InnerAlly.Language.Tuning;

public sealed partial class LayerTuner
{
    /// <summary>Held-out loss, and the share of held-out ordinary sentences at or above the highest threshold that still finds 95% of each risk category.</summary>
    private EpochFigures Measure(int epoch, BertLayer layer, PooledHead head, List<TuningExample> examples, TimeSpan took)
    {
        var loss = 0.0;
        var score = new double[examples.Count];
        var label = new int[examples.Count];
        for (var i = 0; i < examples.Count; i++)
        {
            var ex = examples[i];
            var p = head.Predict(PooledObjective.Features(PooledObjective.Embed(layer, ex.States), ex.Cues));
            label[i] = Array.IndexOf(ex.Target, 1.0);
            loss -= ex.Weight * Math.Log(Math.Max(p[label[i]], 1e-12));
            score[i] = 1 - p[0];
        }

        var threshold = 1.0;
        for (var c = 1; c < RiskCategories.All.Count; c++)
        {
            var positives = Enumerable.Range(0, examples.Count).Where(i => label[i] == c).Select(i => score[i]).OrderByDescending(s => s).ToList();
            if (positives.Count > 0)
            {
                threshold = Math.Min(threshold, positives[Math.Max(0, (int)Math.Ceiling(RecallTarget * positives.Count) - 1)]);
            }
        }

        var ordinary = Enumerable.Range(0, examples.Count).Where(i => label[i] == 0).ToList();
        var alarms = ordinary.Count(i => score[i] >= threshold) / (double)ordinary.Count;

        // Steadier than the per-category bar (set by the smallest category's few sentences): 95% of
        // all risky sentences together, and the chance a risky sentence outscores an ordinary one.
        var risky = Enumerable.Range(0, examples.Count).Where(i => label[i] != 0).Select(i => score[i]).OrderByDescending(s => s).ToList();
        var pooledBar = risky[Math.Max(0, (int)Math.Ceiling(RecallTarget * risky.Count) - 1)];
        var pooled = ordinary.Count(i => score[i] >= pooledBar) / (double)ordinary.Count;
        var wins = 0.0;
        foreach (var r in risky)
        {
            foreach (var o in ordinary)
            {
                wins += r > score[o] ? 1 : r == score[o] ? 0.5 : 0;
            }
        }

        var auc = wins / ((double)risky.Count * ordinary.Count);
        var figures = new EpochFigures(epoch, loss / examples.Count, alarms, threshold, ordinary.Count, pooled, auc, took);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  epoch {epoch}: held-out loss {figures.HeldOutLoss:F4}, false alarms at 95% recall of each category {alarms:P1} of {ordinary.Count} (threshold {threshold:F3}), at 95% of all risk {pooled:P1}, AUC {auc:F4}, {took.TotalSeconds:F0} s"));
        return figures;
    }
}
