using System.Globalization;
using InnerAlly.Language.Rules;
using InnerAlly.Language.Training;
using InnerAlly.Language.Tuning;

namespace InnerAlly.Language.Commands;

/// <summary>The train-language and tune-layer verbs: rebuild the heads and the tuned top layer from Training/.</summary>
public static partial class LanguageCommands
{
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
        var cues = new Cues(RiskLexicon.Load());
        var tuner = new LayerTuner(cues, Console.Out)
        {
            CachePath = Option(args, "--cache"),
            Epochs = Option(args, "--epochs") is { } epochs ? int.Parse(epochs, inv) : 4,
            LayerRate = Option(args, "--rate") is { } rate ? double.Parse(rate, inv) : 3e-5,
            EverydayLimit = Option(args, "--everyday") is { } everyday ? int.Parse(everyday, inv) : 1500,
            Threads = Option(args, "--threads") is { } threads ? int.Parse(threads, inv) : 1,
            PairWeight = Option(args, "--pairs") is { } pairs ? double.Parse(pairs, inv) : 0,
            PairMargin = Option(args, "--pair-margin") is { } margin ? double.Parse(margin, inv) : 0.5,
        };
        var result = tuner.Tune(data);
        if (Option(args, "--lowest-loss-out") is { } lowest && result.LowestLossEpoch > 0)
        {
            TunedLayer.Save(lowest, tuner.Layer, result.LowestLoss);
            Console.WriteLine($"Wrote the lowest-loss layer (epoch {result.LowestLossEpoch}) to {Path.GetFullPath(lowest)}.");
        }

        if (result.BestEpoch == 0)
        {
            Console.WriteLine("No epoch did better on the held-out lines than the package's own layer; nothing written.");
            return 0;
        }

        TunedLayer.Save(output, tuner.Layer, result.Layer);
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
        var cues = new Cues(RiskLexicon.Load());
        var l2 = Option(args, "--l2") is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : Trainer.DefaultL2;
        var reads = Option(args, "--second") ?? Heads.SecondReads.Sentence;
        if (!Heads.SecondReads.All.Contains(reads))
        {
            Console.Error.WriteLine($"--second takes one of: {string.Join(", ", Heads.SecondReads.All)}.");
            return 2;
        }

        var trainer = new Trainer(embedder, cues, Console.Out)
        {
            CachePath = Option(args, "--cache"),
            L2 = l2,
            CrossValidateAll = args.Contains("--cv"),
            SecondInput = reads,
            SecondL2 = Option(args, "--second-l2") is { } secondL2 ? double.Parse(secondL2, CultureInfo.InvariantCulture) : Trainer.DefaultL2,
            CompareSecondInputs = args.Contains("--compare-second"),
            KeepRiskFrom = Option(args, "--keep-risk") is { } keep ? Heads.LanguageModel.Load(keep) : null,
            TrapReads = Option(args, "--trap-reads") ?? TrapReadings.Mean,
            TrapL2 = Option(args, "--trap-l2") is { } trapL2 ? double.Parse(trapL2, CultureInfo.InvariantCulture) : null,
            TrapSmoothing = Option(args, "--trap-smoothing") is { } smoothing ? double.Parse(smoothing, CultureInfo.InvariantCulture) : 0,
            TrapProbe = Option(args, "--trap-probe"),
            TrapCues = !args.Contains("--trap-no-cues"),
        };
        var model = trainer.Train(data);
        model.Save(output);
        Console.WriteLine($"Wrote {Path.GetFullPath(output)}. Rebuild so the library embeds it.");
        return 0;
    }
}
