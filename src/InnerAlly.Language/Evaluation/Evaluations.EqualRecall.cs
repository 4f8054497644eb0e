using InnerAlly.Language.Training;

namespace InnerAlly.Language.Evaluation;

/// <summary>
/// Two models compared at the same recall: a model that finds fewer risky texts also brings fewer
/// false alarms, as any model would with its bar raised, so a candidate is better only where it has
/// fewer false alarms than the baseline finding as many people at risk.
/// </summary>
public static partial class Evaluations
{
    /// <summary>What the notice would take, read off its own output: the bar at a point, what is still found, and the false alarms left.</summary>
    public sealed record BarPoint(double Bar, int Self, int FromOthers, int ToOthers, int FalseAlarms);

    /// <summary>
    /// Each development text's expected category and the highest bar its notice survives (the
    /// first-stage score of its surest sentence that brings the notice; 0 without a notice). Strong
    /// phrases score at least 0.9, so bars are read up to 0.9 only.
    /// </summary>
    public static IReadOnlyList<(string Expected, double Score)> NoticeScores(LanguageEngine engine, string devJsonl)
    {
        var lines = LabelledData.Risk(devJsonl);
        var results = engine.AnalyzeMany([.. lines.Select(l => l.Text)], TextSetting.Journal);
        return [.. lines.Select((l, i) => (l.Risk, results[i].Risk.Level == RiskLevels.Notice ? results[i].Risk.Confidence : 0.0))];
    }

    /// <summary>Every bar from the model's own up to 0.9 where something changes, with what it finds and the false alarms it leaves.</summary>
    public static IReadOnlyList<BarPoint> RaisedBars(IReadOnlyList<(string Expected, double Score)> scores)
    {
        var bars = scores.Where(s => s.Score > 0 && s.Score <= 0.9).Select(s => s.Score).Distinct().Order().ToList();
        int Count(double bar, string category) => scores.Count(s => s.Expected == category && s.Score >= bar);
        return [.. bars.Select(b => new BarPoint(b, Count(b, RiskCategories.Self), Count(b, RiskCategories.FromOthers), Count(b, RiskCategories.ToOthers), Count(b, RiskCategories.None)))];
    }

    /// <summary>The fewest false alarms of any raised bar that still finds at least <paramref name="self"/> texts of risk to self (null when none does).</summary>
    public static BarPoint? AtSelfFound(IReadOnlyList<BarPoint> points, int self) =>
        points.Where(p => p.Self >= self).OrderBy(p => p.FalseAlarms).ThenByDescending(p => p.Bar).FirstOrDefault();
}
