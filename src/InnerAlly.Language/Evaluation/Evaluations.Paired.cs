using InnerAlly.Language.Training;

namespace InnerAlly.Language.Evaluation;

/// <summary>Two models compared text by text on the development set (<c>evaluate --against</c>).</summary>
public static partial class Evaluations
{
    /// <summary>Per development text: whether it was expected to be risk, and whether the engine brought the notice.</summary>
    public static IReadOnlyList<(bool Risky, bool Notice, string Kind)> RiskOutcomes(LanguageEngine engine, string devJsonl, TextSetting setting = TextSetting.Journal)
    {
        var lines = LabelledData.Risk(devJsonl);
        var results = engine.AnalyzeMany([.. lines.Select(l => l.Text)], setting);
        return [.. lines.Select((l, i) => (l.Risk != RiskCategories.None, results[i].Risk.Category != RiskCategories.None, l.Kind ?? "ordinary"))];
    }

    /// <summary>Writes <see cref="RiskOutcomes"/> one text a line (expected risky, notice, kind; never the text), for <see cref="LoadOutcomes"/>.</summary>
    public static void SaveOutcomes(string path, IReadOnlyList<(bool Risky, bool Notice, string Kind)> outcomes) =>
        File.WriteAllLines(path, outcomes.Select(o => $"{(o.Risky ? 1 : 0)}\t{(o.Notice ? 1 : 0)}\t{o.Kind}"));

    public static IReadOnlyList<(bool Risky, bool Notice, string Kind)> LoadOutcomes(string path) =>
        [.. File.ReadAllLines(path).Select(l => l.Split('\t')).Select(f => (f[0] == "1", f[1] == "1", f[2]))];

    /// <summary>Two models on the same texts: how many changed each way, and whether that is more than chance.</summary>
    /// <param name="LostKinds">The kinds of the texts only the baseline flagged, with counts.</param>
    /// <param name="GainedKinds">The kinds of the texts only the candidate flagged.</param>
    public sealed record PairedChange(int Both, int OnlyBaseline, int OnlyCandidate, int Neither, double McNemarP, string LostKinds = "", string GainedKinds = "");

    /// <param name="Ordinary">Ordinary texts: flagged (the notice) by both, by the baseline only, by the candidate only, by neither.</param>
    /// <param name="Risky">Risky texts: found by both, by the baseline only, by the candidate only, by neither.</param>
    public sealed record PairedRiskReport(PairedChange Ordinary, PairedChange Risky);

    public static PairedRiskReport Paired(IReadOnlyList<(bool Risky, bool Notice, string Kind)> baseline, IReadOnlyList<(bool Risky, bool Notice, string Kind)> candidate)
    {
        PairedChange Count(bool risky)
        {
            var rows = Enumerable.Range(0, baseline.Count).Where(i => baseline[i].Risky == risky).ToList();
            var lost = rows.Where(i => baseline[i].Notice && !candidate[i].Notice).ToList();
            var gained = rows.Where(i => !baseline[i].Notice && candidate[i].Notice).ToList();
            string Kinds(List<int> found) => string.Join(", ", found.GroupBy(i => baseline[i].Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
            return new PairedChange(rows.Count(i => baseline[i].Notice && candidate[i].Notice), lost.Count, gained.Count, rows.Count(i => !baseline[i].Notice && !candidate[i].Notice), McNemar(lost.Count, gained.Count), Kinds(lost), Kinds(gained));
        }

        return new PairedRiskReport(Count(false), Count(true));
    }

    /// <summary>Exact two-sided McNemar test: the chance of a split at least this uneven among the b + c texts that changed, were either way equally likely.</summary>
    public static double McNemar(int b, int c)
    {
        var n = b + c;
        if (n == 0)
        {
            return 1.0;
        }

        var tail = 0.0;
        var term = Math.Pow(0.5, n);
        for (var k = 0; k <= Math.Min(b, c); k++)
        {
            tail += term;
            term *= (n - k) / (double)(k + 1);
        }

        return Math.Min(1.0, 2 * tail);
    }
}
