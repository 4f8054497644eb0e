using System.Text.Json;
using InnerAlly.Language.Training;

namespace InnerAlly.Language.Evaluation;

/// <summary>
/// The measurements in docs/language-engine.md: thinking traps on the outside set of Sharma et al.
/// (2023), which is only ever read here, never trained on; risk and self-criticism on our own
/// development sets (Development/, kept apart from Training/); and robustness cases.
/// </summary>
public static partial class Evaluations
{
    /// <summary>The goals issue 5 sets.</summary>
    public static class Goals
    {
        public const double TrapAccuracy = 0.55;
        public const double SelfRecall = 0.95;
        public const double FromOthersRecall = 0.90;
        public const double ToOthersRecall = 0.85;
        public const double FalseAlarmRate = 0.05;
        public const double SelfCriticismF1 = 0.85;
        public const double FormAccuracy = 0.80;
    }

    public sealed record TrapReport(int Thoughts, double Accuracy, double MacroF1, Dictionary<string, (int Tp, int Fp, int Fn)> PerClass, Confusion Confusion);

    public sealed record RiskReport(
        int Sentences, Dictionary<string, double> Recall, Dictionary<string, double> Precision,
        double FalseAlarmRate, Dictionary<string, (int Alarms, int Count)> FalseAlarmsByKind, Confusion Confusion,
        IReadOnlyList<(string Text, string Expected, string Got)> Misses, int RiskyGentle, int OrdinaryGentle);

    public sealed record SelfCriticismReport(int Lines, double Precision, double Recall, double F1, double FormAccuracy, int SelfCritical, Confusion Confusion);

    public sealed record RobustnessCase(string Name, bool Passed, string Detail);

    // The set spells some traps two ways; both count as the one name the engine uses.
    private static readonly Dictionary<string, string> Spellings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["overgeneralization"] = "overgeneralizing",
        ["personalization"] = "personalizing",
        ["comparing"] = "comparing and despairing",
    };

    public static TrapReport Traps(LanguageEngine engine, string sharmaJsonl)
    {
        // A thought with several traps is on several rows; group them into one thought with a label set.
        var thoughts = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var raw in File.ReadLines(sharmaJsonl))
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(raw);
            var prompt = doc.RootElement.GetProperty("prompt").GetString()!;
            var text = prompt.EndsWith("->", StringComparison.Ordinal) ? prompt[..^2].Trim() : prompt.Trim();
            var label = doc.RootElement.GetProperty("completion").GetString()!.Trim().ToLowerInvariant();
            label = Spellings.GetValueOrDefault(label, label);
            if (!thoughts.TryGetValue(text, out var labels))
            {
                thoughts[text] = labels = [];
                order.Add(text);
            }

            labels.Add(label);
        }

        var results = engine.AnalyzeMany(order);
        var classes = ThinkingTraps.Classes;
        var confusion = new Confusion(classes);
        var perClass = classes.ToDictionary(c => c, _ => (Tp: 0, Fp: 0, Fn: 0));
        var correct = 0;
        for (var i = 0; i < order.Count; i++)
        {
            var labels = thoughts[order[i]];
            var top = results[i].ThinkingTraps.Count > 0 ? results[i].ThinkingTraps[0].Trap : ThinkingTraps.NotDistorted;
            var hit = labels.Contains(top);
            correct += hit ? 1 : 0;
            foreach (var c in classes)
            {
                var (tp, fp, fn) = perClass[c];
                perClass[c] = (tp + (top == c && hit ? 1 : 0), fp + (top == c && !hit ? 1 : 0), fn + (labels.Contains(c) && top != c ? 1 : 0));
            }

            // The row is the label the engine matched, else the thought's first label in the file.
            confusion.Add(hit ? top : labels.First(), top);
        }

        var f1s = classes.Where(c => perClass[c].Tp + perClass[c].Fn > 0).Select(c => F1(perClass[c].Tp, perClass[c].Fp, perClass[c].Fn));
        return new TrapReport(order.Count, correct / (double)order.Count, f1s.Average(), perClass, confusion);
    }

    /// <summary>
    /// Recall and false alarms count the notice only (the gentle line leaves the category "none");
    /// <see cref="RiskReport.RiskyGentle"/> and <see cref="RiskReport.OrdinaryGentle"/> count the gentle lines.
    /// </summary>
    /// <param name="setting">Read every text as written there (the development set itself has no setting; Journal is the free one).</param>
    public static RiskReport Risk(LanguageEngine engine, string devJsonl, TextSetting setting = TextSetting.Journal)
    {
        var lines = LabelledData.Risk(devJsonl);
        var results = engine.AnalyzeMany([.. lines.Select(l => l.Text)], setting);
        var confusion = new Confusion(RiskCategories.All);
        var misses = new List<(string, string, string)>();
        var byKind = new Dictionary<string, (int Alarms, int Count)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var got = results[i].Risk.Category;
            confusion.Add(lines[i].Risk, got);
            if (got != lines[i].Risk)
            {
                misses.Add((lines[i].Text, lines[i].Risk, got));
            }

            if (lines[i].Risk == RiskCategories.None)
            {
                var kind = lines[i].Kind ?? "ordinary";
                var (alarms, count) = byKind.GetValueOrDefault(kind);
                byKind[kind] = (alarms + (got != RiskCategories.None ? 1 : 0), count + 1);
            }
        }

        var recall = new Dictionary<string, double>();
        var precision = new Dictionary<string, double>();
        for (var c = 1; c < RiskCategories.All.Count; c++)
        {
            var category = RiskCategories.All[c];
            var row = Enumerable.Range(0, 4).Sum(k => confusion.Counts[c, k]);
            var column = Enumerable.Range(0, 4).Sum(k => confusion.Counts[k, c]);
            // A risk found but put in another risk category still brings up help, so recall counts
            // "any risk" for a risky sentence; precision is for the exact category.
            var anyRisk = row - confusion.Counts[c, 0];
            recall[category] = row == 0 ? double.NaN : anyRisk / (double)row;
            precision[category] = column == 0 ? double.NaN : confusion.Counts[c, c] / (double)column;
        }

        var negatives = byKind.Values.Sum(v => v.Count);
        var falseAlarms = byKind.Values.Sum(v => v.Alarms);
        var gentle = Enumerable.Range(0, lines.Count).Where(i => results[i].Risk.Gentle).ToList();
        return new RiskReport(
            lines.Count, recall, precision, negatives == 0 ? 0 : falseAlarms / (double)negatives, byKind, confusion, misses,
            gentle.Count(i => lines[i].Risk != RiskCategories.None), gentle.Count(i => lines[i].Risk == RiskCategories.None));
    }

    public static SelfCriticismReport SelfCriticism(LanguageEngine engine, string devJsonl)
    {
        var lines = LabelledData.SelfCriticism(devJsonl);
        var results = engine.AnalyzeMany([.. lines.Select(l => l.Text)]);
        var confusion = new Confusion(SelfCriticismForms.All);
        int tp = 0, fp = 0, fn = 0, formRight = 0, critical = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var expected = lines[i].Form;
            var got = results[i].SelfCriticism.Present ? results[i].SelfCriticism.Form! : SelfCriticismForms.None;
            confusion.Add(expected, got);
            var isCritical = expected != SelfCriticismForms.None;
            var said = got != SelfCriticismForms.None;
            tp += isCritical && said ? 1 : 0;
            fp += !isCritical && said ? 1 : 0;
            fn += isCritical && !said ? 1 : 0;
            critical += isCritical ? 1 : 0;
            formRight += isCritical && got == expected ? 1 : 0;
        }

        var precision = tp + fp == 0 ? 0 : tp / (double)(tp + fp);
        var recall = tp + fn == 0 ? 0 : tp / (double)(tp + fn);
        return new SelfCriticismReport(lines.Count, precision, recall, F1(tp, fp, fn), critical == 0 ? 0 : formRight / (double)critical, critical, confusion);
    }

    private static double F1(int tp, int fp, int fn) => tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
}
