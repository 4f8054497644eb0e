namespace InnerAlly.Language.Rules;

/// <param name="Values">One value per <see cref="Cues.FeatureNames"/> entry.</param>
/// <param name="Constructs">Lexicon constructs found, not negated and not idiomatic.</param>
/// <param name="StrongRisk">A category when an unmistakable, present, un-negated risk phrase was found.</param>
/// <param name="Softened">The sentence negates its risk words, speaks only of the past, or uses them as an idiom.</param>
/// <param name="NamesSomeoneElse">Another person is named ("him", "my son", "everyone"): without one, harm cannot be read as risk to others.</param>
public sealed record SentenceCues(float[] Values, IReadOnlyList<string> Constructs, string? StrongRisk, bool Softened, bool NamesSomeoneElse)
{
    /// <summary>How much a softened sentence's model score counts; a near-certain score still stands.</summary>
    public double Adjust(double anyRisk) => Softened && StrongRisk is null && anyRisk < 0.98 ? anyRisk * 0.25 : anyRisk;
}
