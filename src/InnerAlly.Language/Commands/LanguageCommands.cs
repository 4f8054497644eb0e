namespace InnerAlly.Language.Commands;

/// <summary>
/// The language engine's verbs: analyze (JSON Lines in, JSON Lines out), evaluate (the measured
/// figures), train-language (rebuild Model/heads.json from Training/) and tune-layer. They need
/// no database and start without the web host.
/// </summary>
public static partial class LanguageCommands
{
    public const string Analyze = "analyze";
    public const string Evaluate = "evaluate";
    public const string Train = "train-language";
    public const string TuneLayer = "tune-layer";

    public static readonly IReadOnlyList<string> Verbs = [Analyze, Evaluate, Train, TuneLayer];

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

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
