namespace InnerAlly.Language;

/// <summary>What the engine noticed in one text. Every list is in the order the text was written.</summary>
public sealed record TextAnalysis(
    LanguageSupport Language,
    RiskFinding Risk,
    SelfCriticismFinding SelfCriticism,
    IReadOnlyList<ThinkingTrapFinding> ThinkingTraps,
    IReadOnlyList<CriticPrompt> Prompts);

/// <summary>Whether the text looked like English, the only language the engine was trained on.</summary>
public sealed record LanguageSupport(bool Supported, string? Note)
{
    public static readonly LanguageSupport English = new(true, null);

    public static readonly LanguageSupport NotSupported = new(false, "language not supported");
}

/// <summary>A span of the original text: Start and Length count UTF-16 characters.</summary>
public sealed record TextSpan(string Text, int Start, int Length);

/// <param name="Category">One of <see cref="RiskCategories"/>; "none" for the gentle line too, so that only the notice counts as risk found.</param>
/// <param name="Confidence">0-1: how sure the engine is of the category (for "none", of there being no risk).</param>
/// <param name="Evidence">The sentences that led to the notice or to the gentle line.</param>
/// <param name="Level">One of <see cref="RiskLevels"/>: "notice" exactly when the category is not "none"; "gentle" for an unsure reading.</param>
public sealed record RiskFinding(string Category, double Confidence, IReadOnlyList<RiskEvidence> Evidence, string Level = RiskLevels.None)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Found => Category != RiskCategories.None;

    [System.Text.Json.Serialization.JsonIgnore]
    public bool Gentle => Level == RiskLevels.Gentle;
}

/// <param name="Reason">What in the sentence weighed most: a lexicon construct or the trained model.</param>
public sealed record RiskEvidence(string Text, int Start, int Length, double Confidence, string Reason);

public static class RiskCategories
{
    public const string None = "none";
    public const string Self = "self";
    public const string FromOthers = "from_others";
    public const string ToOthers = "to_others";

    /// <summary>In the order the model's outputs use.</summary>
    public static readonly IReadOnlyList<string> All = [None, Self, FromOthers, ToOthers];
}

public sealed record SelfCriticismFinding(bool Present, string? Form, double Confidence, IReadOnlyList<SelfCriticalSentence> Sentences);

/// <param name="Form">"inadequate" (not good enough) or "hated" (self-disgust), as in CFT's FSCRS.</param>
public sealed record SelfCriticalSentence(string Text, int Start, int Length, string Form, double Confidence);

public static class SelfCriticismForms
{
    public const string None = "none";
    public const string Inadequate = "inadequate";
    public const string Hated = "hated";

    public static readonly IReadOnlyList<string> All = [None, Inadequate, Hated];
}

public sealed record ThinkingTrapFinding(string Trap, double Confidence);

public static class ThinkingTraps
{
    public const string NotDistorted = "not distorted";

    /// <summary>Named as in Sharma et al. (2023); "not distorted" is the model's extra class.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "all-or-nothing thinking", "overgeneralizing", "labeling", "fortune telling", "mind reading",
        "emotional reasoning", "should statements", "personalizing", "disqualifying the positive",
        "catastrophizing", "comparing and despairing", "blaming", "negative feeling or emotion",
    ];

    public static readonly IReadOnlyList<string> Classes = [.. All, NotDistorted];
}

/// <summary>The CFT scaffold offered beside one self-critical sentence: templates we wrote, chosen, never generated.</summary>
/// <param name="Fear">A question about what the critic may be afraid of or protecting against.</param>
/// <param name="Friend">An invitation to hear what a wise, strong and warm friend might say.</param>
public sealed record CriticPrompt(string Sentence, int Start, string Fear, string Friend, string ChosenFor);
