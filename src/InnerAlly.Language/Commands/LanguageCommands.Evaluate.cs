using System.Globalization;
using InnerAlly.Language.Evaluation;
using InnerAlly.Language.Training;

namespace InnerAlly.Language.Commands;

/// <summary>The evaluate verb: the measured figures, as docs/language-engine.md reports them.</summary>
public static partial class LanguageCommands
{
    private static int RunEvaluate(string[] args)
    {
        var markdown = args.Contains("--markdown");
        var traps = Option(args, "--traps") ?? LabelledData.FindUp(Path.Combine("shared", "data", "eval", "thinking-traps-sharma2023", "thinking_traps.jsonl"));
        var dev = Option(args, "--dev") ?? DevelopmentFolder();
        var inv = CultureInfo.InvariantCulture;
        LanguageEngine engine;
        Embedder? embedder = null;
        try
        {
            embedder = Option(args, "--heads") is not null || (Option(args, "--against") is { } a && !a.EndsWith(".tsv", StringComparison.Ordinal)) ? new Embedder() : null;
            engine = Option(args, "--heads") is { } heads ? FromFile(heads, embedder!) : SharedEngine.Instance;
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine(e.Message);
            embedder?.Dispose();
            return 2;
        }

        using var ownEmbedder = embedder;
        Console.WriteLine($"InnerAlly language engine, {engine.Model.Embedding}; trained on {string.Join(", ", engine.Model.TrainingCounts.Select(c => $"{c.Value} {c.Key}"))} lines.");

        if (traps is not null && File.Exists(traps))
        {
            var report = Evaluations.Traps(engine, traps);
            Console.WriteLine();
            Console.WriteLine($"Thinking traps on Sharma et al. (2023), {report.Thoughts} distinct thoughts (never trained on):");
            Console.WriteLine(string.Create(inv, $"  top trap among the thought's labels: {report.Accuracy:F3} (goal {Evaluations.Goals.TrapAccuracy:F2}; most-common-trap baseline 0.165, in-domain naive Bayes 0.365)"));
            Console.WriteLine(string.Create(inv, $"  macro-F1 over the {report.PerClass.Count(c => c.Value.Tp + c.Value.Fn > 0)} labels present: {report.MacroF1:F3}"));
            foreach (var (trap, (tp, fp, fn)) in report.PerClass)
            {
                Console.WriteLine(string.Create(inv, $"    {trap,-28} right {tp,4}  said wrongly {fp,4}  missed {fn,4}"));
            }

            if (markdown)
            {
                Console.WriteLine();
                Console.WriteLine(report.Confusion.ToMarkdown(ShortTrap));
            }
        }
        else
        {
            Console.WriteLine();
            Console.WriteLine("Thinking traps: the outside set was not found (pass --traps FILE); skipped.");
        }

        var status = 0;
        if (dev is not null && File.Exists(Path.Combine(dev, "risk-dev.jsonl")))
        {
            var risk = Evaluations.Risk(engine, Path.Combine(dev, "risk-dev.jsonl"));
            Console.WriteLine();
            Console.WriteLine($"Risk on the development set ({risk.Sentences} texts, kept apart from training):");
            foreach (var (category, recall) in risk.Recall)
            {
                Console.WriteLine(string.Create(inv, $"  {category,-12} recall {recall:F3}  precision {risk.Precision[category]:F3}"));
            }

            Console.WriteLine(string.Create(inv, $"  false alarms on sentences without risk: {risk.FalseAlarmRate:P1} (goal 5% or less)"));
            foreach (var (kind, (alarms, count)) in risk.FalseAlarmsByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"    {kind,-14} {alarms}/{count}");
            }

            if (markdown)
            {
                Console.WriteLine();
                Console.WriteLine(risk.Confusion.ToMarkdown());
            }

            var risky = risk.Sentences - risk.FalseAlarmsByKind.Values.Sum(v => v.Count);
            Console.WriteLine($"  gentle line instead of the notice: {risk.RiskyGentle} of {risky} risky texts, {risk.OrdinaryGentle} ordinary ones");
            foreach (var setting in new[] { TextSetting.RecordField, TextSetting.LetterPart })
            {
                // The guided settings ask for more before a model-only reading brings the notice: what that costs, were every text written there.
                var guided = Evaluations.Risk(engine, Path.Combine(dev, "risk-dev.jsonl"), setting);
                Console.WriteLine(string.Create(inv,
                    $"  read as {setting}: recall {string.Join(", ", guided.Recall.Select(r => $"{r.Key} {r.Value:F3}"))}; false alarms {guided.FalseAlarmRate:P1}; gentle line for {guided.RiskyGentle} risky, {guided.OrdinaryGentle} ordinary"));
            }

            var outcomes = Option(args, "--outcomes-out") is not null || Option(args, "--against") is not null ? Evaluations.RiskOutcomes(engine, Path.Combine(dev, "risk-dev.jsonl")) : null;
            if (Option(args, "--outcomes-out") is { } outcomesOut)
            {
                Evaluations.SaveOutcomes(outcomesOut, outcomes!);
            }

            if (Option(args, "--against") is { } against)
            {
                // A file of outcomes (written by --outcomes-out) compares models that no single process can load together: other encoders.
                var baseline = against.EndsWith(".tsv", StringComparison.Ordinal) ? null : against == "embedded" ? SharedEngine.Instance : FromFile(against, embedder!);
                var before = baseline is null ? Evaluations.LoadOutcomes(against) : Evaluations.RiskOutcomes(baseline, Path.Combine(dev, "risk-dev.jsonl"));
                var paired = Evaluations.Paired(before, outcomes!);
                Console.WriteLine();
                Console.WriteLine($"Against {against}, text by text (the notice, journal setting):");
                Console.WriteLine(string.Create(inv, $"  ordinary texts: false alarm in both {paired.Ordinary.Both}, only before {paired.Ordinary.OnlyBaseline}, only now {paired.Ordinary.OnlyCandidate}, in neither {paired.Ordinary.Neither}; exact McNemar p = {paired.Ordinary.McNemarP:F3}"));
                Console.WriteLine($"    lose the notice: {paired.Ordinary.LostKinds}; gain it: {paired.Ordinary.GainedKinds}");
                Console.WriteLine(string.Create(inv, $"  risky texts: found by both {paired.Risky.Both}, only before {paired.Risky.OnlyBaseline}, only now {paired.Risky.OnlyCandidate}, by neither {paired.Risky.Neither}; exact McNemar p = {paired.Risky.McNemarP:F3}"));
                Console.WriteLine($"    no longer found: {paired.Risky.LostKinds}; newly found: {paired.Risky.GainedKinds}");
                if (baseline is not null)
                {
                    EqualRecall(Evaluations.NoticeScores(baseline, Path.Combine(dev, "risk-dev.jsonl")), Evaluations.NoticeScores(engine, Path.Combine(dev, "risk-dev.jsonl")));
                }
            }

            if (risk.Recall[RiskCategories.Self] < Evaluations.Goals.SelfRecall || risk.Recall[RiskCategories.FromOthers] < Evaluations.Goals.FromOthersRecall
                || risk.Recall[RiskCategories.ToOthers] < Evaluations.Goals.ToOthersRecall)
            {
                Console.WriteLine("  Risk recall is below its goal.");
                status = 3;
            }
        }

        if (dev is not null && File.Exists(Path.Combine(dev, "self-criticism-dev.jsonl")))
        {
            var sc = Evaluations.SelfCriticism(engine, Path.Combine(dev, "self-criticism-dev.jsonl"));
            Console.WriteLine();
            Console.WriteLine($"Self-criticism on the development set ({sc.Lines} texts, {sc.SelfCritical} self-critical):");
            Console.WriteLine(string.Create(inv, $"  precision {sc.Precision:F3}  recall {sc.Recall:F3}  F1 {sc.F1:F3} (goal {Evaluations.Goals.SelfCriticismF1:F2})"));
            Console.WriteLine(string.Create(inv, $"  form right for {sc.FormAccuracy:P1} of the self-critical texts (goal 80%)"));
            if (markdown)
            {
                Console.WriteLine();
                Console.WriteLine(sc.Confusion.ToMarkdown());
            }
        }

        Console.WriteLine();
        Console.WriteLine("Robustness:");
        foreach (var c in Evaluations.Robustness(engine))
        {
            Console.WriteLine($"  {(c.Passed ? "pass" : "FAIL")}  {c.Name}: {c.Detail}");
        }

        return status;
    }

    /// <summary>An engine over a heads.json on disk; its embeddings must be the ones this build's embedder makes.</summary>
    private static LanguageEngine FromFile(string heads, Embedder embedder)
    {
        var model = Heads.LanguageModel.Load(heads);
        if (model.Embedding != Embedder.Name)
        {
            throw new InvalidDataException($"{heads} was trained on other embeddings ({model.Embedding}) than this build makes ({Embedder.Name}).");
        }

        var cues = new Rules.Cues(Rules.RiskLexicon.Load());
        if (!model.Cues.SequenceEqual(cues.FeatureNames))
        {
            throw new InvalidDataException($"{heads} was trained with other cues than this code has.");
        }

        return LanguageEngine.With(embedder, model, cues);
    }

    private static string ShortTrap(string trap) => trap switch
    {
        "all-or-nothing thinking" => "all/none",
        "overgeneralizing" => "overgen",
        "fortune telling" => "fortune",
        "mind reading" => "mind",
        "emotional reasoning" => "emotional",
        "should statements" => "should",
        "personalizing" => "personal",
        "disqualifying the positive" => "disqual",
        "catastrophizing" => "catastr",
        "comparing and despairing" => "compare",
        "negative feeling or emotion" => "feeling",
        "not distorted" => "none",
        _ => trap,
    };

    private static string? DevelopmentFolder() =>
        LabelledData.FindUp(Path.Combine("src", "InnerAlly.Language", "Development"))
        ?? LabelledData.FindUp(Path.Combine("LanguageData", "Development"));

    /// <summary>Both models with the notice's bar raised on their own output, at each count of risk to self still found down to the goal.</summary>
    private static void EqualRecall(IReadOnlyList<(string Expected, double Score)> before, IReadOnlyList<(string Expected, double Score)> now)
    {
        var inv = CultureInfo.InvariantCulture;
        var (a, b) = (Evaluations.RaisedBars(before), Evaluations.RaisedBars(now));
        var selfTexts = before.Count(s => s.Expected == RiskCategories.Self);
        var goal = (int)Math.Ceiling(Evaluations.Goals.SelfRecall * selfTexts);
        Console.WriteLine($"  at equal recall to self (each model's bar raised on its own output; fewest false alarms that still find that many of {selfTexts}):");
        static string Say(Evaluations.BarPoint? p) => p is null ? "none" : string.Create(CultureInfo.InvariantCulture, $"{p.FalseAlarms} (bar {p.Bar:F3}; from others {p.FromOthers}, to others {p.ToOthers})");
        for (var k = Math.Max(a.Count > 0 ? a[0].Self : 0, b.Count > 0 ? b[0].Self : 0); k >= goal; k--)
        {
            Console.WriteLine(string.Create(inv, $"    {k} found: before {Say(Evaluations.AtSelfFound(a, k))}, now {Say(Evaluations.AtSelfFound(b, k))}"));
        }
    }
}
