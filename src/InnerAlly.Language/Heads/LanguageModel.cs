using System.Reflection;
using System.Text.Json;

namespace InnerAlly.Language.Heads;

/// <summary>
/// The trained heads, written by `InnerAlly train-language` to Model/heads.json and embedded in
/// this library. Everything here was learnt from Training/*.jsonl only.
/// </summary>
public sealed class LanguageModel
{
    public const string ResourceName = "InnerAlly.Language.Model.heads.json";

    public required int Version { get; init; }

    public required string Embedding { get; init; }

    /// <summary>The cue names the heads were trained with, in order; they must match the code's.</summary>
    public required IReadOnlyList<string> Cues { get; init; }

    /// <summary>SHA-256 of the training files, so a test can tell when the model is older than its data.</summary>
    public required string TrainingDataSha256 { get; init; }

    public required IReadOnlyDictionary<string, int> TrainingCounts { get; init; }

    /// <summary>What a sentence is about: none, self, from_others, to_others.</summary>
    public required SoftmaxHead Risk { get; init; }

    /// <summary>Whether risk words are meant literally and now ("literal") or as an idiom, a denial, the past or a story ("figurative").</summary>
    public required SoftmaxHead Literal { get; init; }

    /// <summary>
    /// The second stage, asked only of sentences the first flags: trained on the hard negatives and
    /// positives the first stage confuses. Below RiskThresholds["second"] a flagged sentence brings the
    /// gentle line, not the notice. Null in a model trained before it existed.
    /// </summary>
    public SoftmaxHead? Second { get; init; }

    /// <summary>What the second stage reads (<see cref="SecondReads"/>); null: the sentence's embedding and cues, as the first stage.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? SecondReads { get; init; }

    /// <summary>"any": the P(any risk) = 1 - P(none) at or above which a sentence counts as risky; "second": the second stage's bar for the notice.</summary>
    public required IReadOnlyDictionary<string, double> RiskThresholds { get; init; }

    public required SoftmaxHead SelfCriticism { get; init; }

    /// <summary>P(inadequate) + P(hated) at or above this makes a sentence self-critical.</summary>
    public required double SelfCriticismThreshold { get; init; }

    public required SoftmaxHead Traps { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static LanguageModel LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("InnerAlly.Language was built without Model/heads.json: run `dotnet run --project src/InnerAlly -- train-language`.");
        return JsonSerializer.Deserialize<LanguageModel>(stream, Json)
            ?? throw new InvalidDataException("Model/heads.json is empty.");
    }

    /// <summary>A heads.json written by train-language, read from disk (for evaluating a model before it is embedded).</summary>
    public static LanguageModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<LanguageModel>(stream, Json)
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");
    }
}
