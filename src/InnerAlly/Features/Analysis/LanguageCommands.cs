using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using InnerAlly.Language;
using InnerAlly.Language.Evaluation;
using InnerAlly.Language.Training;

namespace InnerAlly.Features.Analysis;

/// <summary>
/// The language engine's verbs: analyze (JSON Lines in, JSON Lines out), evaluate (the measured
/// figures) and train-language (rebuild Model/heads.json from Training/). They need no database
/// and start without the web host.
/// </summary>
public static class LanguageCommands
{
    public const string Analyze = "analyze";
    public const string Evaluate = "evaluate";
    public const string Train = "train-language";
    public const string TuneLayer = "tune-layer";

    public static readonly IReadOnlyList<string> Verbs = [Analyze, Evaluate, Train, TuneLayer];

    public const string AnalyzeHelp = """
        Usage: InnerAlly analyze < texts.jsonl > results.jsonl

        Reads JSON Lines from standard input, one object per line: {"id": <any JSON value>, "text": "..."}
        and writes one JSON line per input line to standard output, in the same order:
          {"id": ..., "language": {"supported", "note"},
           "risk": {"category": "none"|"self"|"from_others"|"to_others", "confidence", "evidence": [...]},
           "selfCriticism": {"present", "form": "inadequate"|"hated"|null, "confidence", "sentences": [...]},
           "thinkingTraps": [{"trap", "confidence"}], "prompts": [{"sentence", "start", "fear", "friend", "chosenFor"}]}
        A line that is not such an object gets {"id": ..., "error": {"message": "..."}} (id null when it
        could not be read) and the run goes on. Blank lines are skipped. Everything runs on this machine;
        nothing is sent anywhere. Progress and errors about the run itself go to standard error.
        """;

    public const string EvaluateHelp = """
        Usage: InnerAlly evaluate [--traps FILE] [--dev FOLDER] [--markdown]

        Measures the language engine and prints the figures:
          thinking traps  on Sharma et al. (2023), ../shared/data/eval/thinking-traps-sharma2023/thinking_traps.jsonl
                          (evaluation only: it is never trained on); skipped with a note if not found
          risk            recall per category and false alarms, on Development/risk-dev.jsonl
          self-criticism  F1 and form accuracy, on Development/self-criticism-dev.jsonl
          robustness      empty text, 100 KB, emoji, capitals, typos, one risky sentence among many, other languages
        --markdown prints the confusion matrices as Markdown tables (as in docs/language-engine.md).
        Exits 3 when risk recall is below its goal (self 0.95, harm from others 0.90, to others 0.85).
        Recall and false alarms count the full notice; the gentle line is counted apart, and the
        development set is also read as if written in the guided settings (a record, a letter).
        """;

    public const string TrainHelp = """
        Usage: InnerAlly train-language [--data FOLDER] [--out FILE] [--cache FILE] [--l2 VALUE] [--cv]

        Trains the engine's heads from the labelled sentences in src/InnerAlly.Language/Training/
        (thinking-traps.jsonl, risk.jsonl, self-criticism.jsonl) and writes
        src/InnerAlly.Language/Model/heads.json; rebuild afterwards so the library embeds it.
        Deterministic for the same files. Development/ and the outside evaluation set are never read.
        --cache FILE keeps the sentence embeddings between runs (faster retraining while changing cues).
        --l2 VALUE sets the weight penalty (default 0.0001).
        --cv also reports held-out accuracy of the self-criticism and thinking-trap heads.
        """;

    public const string TuneLayerHelp = """
        Usage: InnerAlly tune-layer [--data FOLDER] [--out FILE] [--cache FILE] [--epochs N] [--rate R] [--everyday N] [--threads N] [--lowest-loss-out FILE]

        Fine-tunes MiniLM's top layer on the risk lines in src/InnerAlly.Language/Training/ (never
        Development/ or the outside evaluation set), with a risk head, over the lower layers' token
        states; every fifth training line is held out, and the layer of the epoch with the fewest
        held-out false alarms at 95% recall is kept. Writes src/InnerAlly.Language/Model/tuned_layer.bin
        (16-bit floats) only if that epoch is not 0 (the package's own layer). Then rebuild, run
        train-language, and rebuild again.
        --cache FILE keeps the lower layers' token states between runs (put it under /tmp).
        --epochs N (default 4), --rate R the layer's Adam rate (default 3e-5), --everyday N at most N
        everyday sentences from the self-criticism and thinking-trap lines (default 1500), --threads N
        threads sharing each batch (default 1), --lowest-loss-out FILE also writes the layer of the
        epoch with the lowest held-out loss, for measuring.
        """;

    public static async Task<int> RunAsync(string verb, string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(verb switch { Analyze => AnalyzeHelp, Evaluate => EvaluateHelp, TuneLayer => TuneLayerHelp, _ => TrainHelp });
            return 0;
        }

        return verb switch
        {
            Analyze => await AnalyzeAsync(Console.In, Console.Out),
            Evaluate => RunEvaluate(args),
            TuneLayer => RunTuneLayer(args),
            _ => RunTrain(args),
        };
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> AnalyzeAsync(TextReader input, TextWriter output, LanguageEngine? engine = null)
    {
        engine ??= SharedEngine.Instance;

        // A reader fills a queue while the engine takes whatever is waiting (up to 64 lines) in one
        // pass: piped files go fast, and a line typed by hand is answered at once.
        var queue = Channel.CreateBounded<string>(256);
        var reading = Task.Run(async () =>
        {
            while (await input.ReadLineAsync() is { } line)
            {
                await queue.Writer.WriteAsync(line);
            }

            queue.Writer.Complete();
        });

        var batch = new List<string>();
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < 64 && queue.Reader.TryRead(out var line))
            {
                batch.Add(line);
            }

            await WriteBatchAsync(engine, batch, output);
        }

        await reading;
        await output.FlushAsync();
        return 0;
    }

    private static async Task WriteBatchAsync(LanguageEngine engine, List<string> lines, TextWriter output)
    {
        var parsed = lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(Parse).ToList();
        var texts = parsed.Where(p => p.Error is null).Select(p => p.Text!).ToList();
        var results = engine.AnalyzeMany(texts);
        var next = 0;
        foreach (var (id, _, error) in parsed)
        {
            JsonObject line;
            if (error is not null)
            {
                line = new JsonObject { ["id"] = id, ["error"] = new JsonObject { ["message"] = error } };
            }
            else
            {
                line = JsonSerializer.SerializeToNode(results[next++], Json)!.AsObject();
                line.Insert(0, "id", id);
            }

            await output.WriteLineAsync(line.ToJsonString());
        }
    }

    private static (JsonNode? Id, string? Text, string? Error) Parse(string line)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (JsonException e)
        {
            return (null, null, "The line is not valid JSON: " + e.Message);
        }

        if (node is not JsonObject obj)
        {
            return (null, null, "Each line must be a JSON object with \"id\" and \"text\".");
        }

        var id = obj["id"]?.DeepClone();
        if (!obj.ContainsKey("id"))
        {
            return (null, null, "The line has no \"id\".");
        }

        if (obj["text"] is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            return (id, null, "\"text\" must be a string.");
        }

        return (id, text, null);
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int RunEvaluate(string[] args)
    {
        var markdown = args.Contains("--markdown");
        var traps = Option(args, "--traps") ?? LabelledData.FindUp(Path.Combine("shared", "data", "eval", "thinking-traps-sharma2023", "thinking_traps.jsonl"));
        var dev = Option(args, "--dev") ?? DevelopmentFolder();
        var engine = SharedEngine.Instance;
        var inv = CultureInfo.InvariantCulture;
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

    private static int RunTuneLayer(string[] args)
    {
        var data = Option(args, "--data") ?? LabelledData.FindUp(Path.Combine("src", "InnerAlly.Language", "Training"));
        if (data is null)
        {
            Console.Error.WriteLine("Could not find src/InnerAlly.Language/Training; pass --data FOLDER.");
            return 2;
        }

        var inv = CultureInfo.InvariantCulture;
        var output = Option(args, "--out") ?? Path.Combine(data, "..", "Model", "tuned_layer.bin");
        var cues = new Language.Rules.Cues(Language.Rules.RiskLexicon.Load());
        var tuner = new Language.Tuning.LayerTuner(cues, Console.Out)
        {
            CachePath = Option(args, "--cache"),
            Epochs = Option(args, "--epochs") is { } epochs ? int.Parse(epochs, inv) : 4,
            LayerRate = Option(args, "--rate") is { } rate ? double.Parse(rate, inv) : 3e-5,
            EverydayLimit = Option(args, "--everyday") is { } everyday ? int.Parse(everyday, inv) : 1500,
            Threads = Option(args, "--threads") is { } threads ? int.Parse(threads, inv) : 1,
        };
        var result = tuner.Tune(data);
        if (Option(args, "--lowest-loss-out") is { } lowest && result.LowestLossEpoch > 0)
        {
            Language.Tuning.TunedLayer.Save(lowest, tuner.Layer, result.LowestLoss);
            Console.WriteLine($"Wrote the lowest-loss layer (epoch {result.LowestLossEpoch}) to {Path.GetFullPath(lowest)}.");
        }

        if (result.BestEpoch == 0)
        {
            Console.WriteLine("No epoch did better on the held-out lines than the package's own layer; nothing written.");
            return 0;
        }

        Language.Tuning.TunedLayer.Save(output, tuner.Layer, result.Layer);
        Console.WriteLine($"Wrote {Path.GetFullPath(output)}. Rebuild, run train-language, and rebuild again.");
        return 0;
    }

    private static int RunTrain(string[] args)
    {
        var data = Option(args, "--data") ?? LabelledData.FindUp(Path.Combine("src", "InnerAlly.Language", "Training"));
        if (data is null)
        {
            Console.Error.WriteLine("Could not find src/InnerAlly.Language/Training; pass --data FOLDER.");
            return 2;
        }

        var output = Option(args, "--out") ?? Path.Combine(data, "..", "Model", "heads.json");
        using var embedder = new Embedder();
        var cues = new Language.Rules.Cues(Language.Rules.RiskLexicon.Load());
        var l2 = Option(args, "--l2") is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : Trainer.DefaultL2;
        var trainer = new Trainer(embedder, cues, Console.Out) { CachePath = Option(args, "--cache"), L2 = l2, CrossValidateAll = args.Contains("--cv") };
        var model = trainer.Train(data);
        model.Save(output);
        Console.WriteLine($"Wrote {Path.GetFullPath(output)}. Rebuild so the library embeds it.");
        return 0;
    }
}
