using System.Text.Json.Serialization;

namespace InnerAlly.Features.Measures;

/// <summary>
/// A validated questionnaire as data: one JSON file per instrument (Content/Instruments, and a
/// clinic's own folder), read by <see cref="InstrumentCatalog"/> and scored by <see cref="ScoreResponse"/>.
/// The wording is the published wording; docs/measures.md describes every field.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Instrument
{
    /// <summary>Lower-case letters, digits and hyphens: "phq9", "scs-sf". Used in addresses.</summary>
    public required string Code { get; init; }

    public required string Title { get; init; }

    public required string ShortTitle { get; init; }

    /// <summary>What the questionnaire asks about, in plain words (ours, not the instrument's).</summary>
    public required string About { get; init; }

    /// <summary>The published instruction that comes before the items.</summary>
    public required string Stem { get; init; }

    /// <summary>The answer choices every item shares, in the order they are shown.</summary>
    public required IReadOnlyList<AnswerOption> Options { get; init; }

    /// <summary>The scored items, in published order, with published numbers as ids.</summary>
    public required IReadOnlyList<Item> Items { get; init; }

    /// <summary>Questions asked after the items and never scored (PHQ-9's "how difficult"); optional to answer.</summary>
    public IReadOnlyList<Item> FollowUp { get; init; } = [];

    /// <summary>The total over every item, when the instrument has one.</summary>
    public Scale? Total { get; init; }

    public IReadOnlyList<Subscale> Subscales { get; init; } = [];

    /// <summary>Shown beside subscales (for example, that they are less reliable than the total).</summary>
    public string? SubscalesNote { get; init; }

    public MissingRule Missing { get; init; } = new();

    /// <summary>Items whose answer above a value opens the safety flow at once (SAFETY.md), whatever the total.</summary>
    public IReadOnlyList<SafetyItem> SafetyItems { get; init; } = [];

    public required string Licence { get; init; }

    public required string Attribution { get; init; }

    public required string Citation { get; init; }

    public InstrumentCodes? Codes { get; init; }

    /// <summary>Every item a person can answer: the scored items, then the follow-up questions.</summary>
    [JsonIgnore]
    public IEnumerable<Item> AllItems => Items.Concat(FollowUp);

    public Item? FindItem(string id) => AllItems.FirstOrDefault(i => i.Id == id);

    /// <summary>The options an item offers: its own, or the instrument's.</summary>
    public IReadOnlyList<AnswerOption> OptionsFor(Item item) => item.Options ?? Options;

    public bool IsFollowUp(Item item) => FollowUp.Contains(item);

    /// <summary>The lowest and highest answer values of the shared options.</summary>
    [JsonIgnore]
    public (int Min, int Max) OptionRange => (Options.Min(o => o.Value), Options.Max(o => o.Value));
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AnswerOption(int Value, string Label);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Item
{
    /// <summary>The published item number ("1" to "9"), or a name for an unnumbered follow-up question.</summary>
    public required string Id { get; init; }

    public required string Text { get; init; }

    /// <summary>Scored as (lowest + highest option value) minus the answer, so 1-5 becomes 6 minus the answer.</summary>
    public bool Reversed { get; init; }

    /// <summary>Only for a follow-up question with its own choices.</summary>
    public IReadOnlyList<AnswerOption>? Options { get; init; }
}

/// <summary>How to read one score: the total or a subscale.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public record Scale
{
    public const string Sum = "sum";
    public const string Mean = "mean";
    public const string Worse = "worse";
    public const string Better = "better";

    /// <summary>"sum" or "mean" of the item values (reversed items reversed).</summary>
    public required string Method { get; init; }

    /// <summary>The sum or mean is multiplied by this (WHO-5 reports its raw 0-25 as 0-100).</summary>
    public int Multiplier { get; init; } = 1;

    /// <summary>Scores are rounded to this many decimals before bands and change are read.</summary>
    public int Decimals { get; init; }

    /// <summary>"worse" (PHQ-9: a higher score means more difficulty) or "better" (WHO-5).</summary>
    public string HigherIs { get; init; } = Worse;

    /// <summary>Whether items marked reversed are reversed for this score (SCS-SF's negative subscales use the answers as given).</summary>
    public bool ReverseItems { get; init; } = true;

    /// <summary>Published bands with their labels, inclusive at both ends, lowest first.</summary>
    public IReadOnlyList<Band> Bands { get; init; } = [];

    /// <summary>Said beside the bands (for example, "a rough guide, not a clinical cut-off").</summary>
    public string? BandsNote { get; init; }

    public Cutoff? Cutoff { get; init; }

    public ReliableChange? ReliableChange { get; init; }

    [JsonIgnore]
    public bool HigherIsBetter => HigherIs == Better;

    /// <summary>Whether a score is on the clinical side of the cut-off: at or above it when higher is worse, at or below when higher is better.</summary>
    public bool IsInClinicalRange(decimal score) =>
        Cutoff is { } cutoff && (HigherIsBetter ? score <= cutoff.Value : score >= cutoff.Value);

    public Band? BandFor(decimal score) => Bands.FirstOrDefault(b => score >= b.Min && score <= b.Max);
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Subscale : Scale
{
    public required string Code { get; init; }

    public required string Title { get; init; }

    /// <summary>The ids of the items this subscale is made of.</summary>
    public required IReadOnlyList<string> Items { get; init; }

    /// <summary>Shown to a clinician only (on the API and in exports), not on the person's own result page.</summary>
    public bool ClinicianOnly { get; init; }
}

/// <param name="Label">The published band name, as a clinician and the API read it.</param>
/// <param name="Plain">Warmer words for the person's own pages, when the published name reads coldly; null to show the label.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Band(decimal Min, decimal Max, string Label, string? Plain = null)
{
    /// <summary>What the person's own pages show.</summary>
    [JsonIgnore]
    public string Shown => Plain ?? Label;

    public string Range(int decimals) => $"{Format(Min, decimals)} to {Format(Max, decimals)}";

    public static string Format(decimal value, int decimals) => value.ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), CultureInfo.InvariantCulture);
}

/// <summary>The clinical cut-off, for clinically significant change (Jacobson and Truax's criterion).</summary>
/// <param name="Label">The clinical wording ("the clinical cut-off of 10").</param>
/// <param name="Source">Where the figure comes from, for the person and their clinician.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Cutoff(decimal Value, string Label, string? Source = null);

/// <summary>
/// Either a published threshold (a change of at least this much, on the reported scale, is
/// reliable) or the SD and reliability for Jacobson and Truax's reliable change index.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ReliableChange(decimal? Threshold, double? Sd, double? Reliability, string? Source = null)
{
    /// <summary>|RCI| above this is reliable change (Jacobson and Truax 1991).</summary>
    public const double Criterion = 1.96;

    /// <summary>The standard error of the difference between two scores: SD × √2 × √(1 − r).</summary>
    public double? StandardErrorOfDifference => Sd is { } sd && Reliability is { } r ? sd * Math.Sqrt(2 * (1 - r)) : null;
}

/// <summary>
/// How many scored items may be left unanswered in a response that is still scored; such a score
/// is prorated (the mean of the answered items stands in for each missing one) and marked as such.
/// Safety items are never allowed to be missing.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record MissingRule(int MaxMissing = 0);

/// <summary>An answer above <paramref name="Above"/> on this item opens the safety flow with this category ("self", "from_others", "to_others").</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SafetyItem(string Item, int Above, string Category);

/// <summary>Codes for exports: the panel (the whole questionnaire) and its total score; LOINC where one exists.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record InstrumentCodes(InstrumentCode? Panel, InstrumentCode? Total);

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record InstrumentCode(string System, string Code, string Display);
