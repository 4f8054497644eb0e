using InnerAlly.Features.CheckIns;

namespace InnerAlly.Features.AllyRecords;

/// <summary>
/// A critic-to-ally record (CFT-GUIDE sections 2, 3 and 5): a moment, the inner critic's exact
/// words, how it felt, what the critic may fear, the compassionate self's reply in three parts
/// (wisdom, strength, warmth), one small kind action, and how harsh the critic felt and how much
/// the reply was believed, before and after. Every part is optional; there is always some text.
/// </summary>
public sealed class AllyRecord : PersonalWriting
{
    public const string Purpose = "InnerAlly.AllyRecord.v1";
    public const string EmotionsPurpose = "InnerAlly.AllyRecord.Emotions.v1";
    public const int MinRating = 0;
    public const int MaxRating = 10;

    /// <summary>The text fields' names, in the order a person meets them.</summary>
    public static readonly IReadOnlyList<string> TextNames =
    [
        nameof(Situation), nameof(CriticWords), nameof(FeelingsBody), nameof(CriticFear),
        nameof(AllyWisdom), nameof(AllyStrength), nameof(AllyWarmth), nameof(Action),
    ];

    private AllyRecord()
    {
    }

    public string? Situation { get; private set; }

    public string? CriticWords { get; private set; }

    /// <summary>Feelings the person named, from the three systems' lists (Content/CheckIns/systems.json).</summary>
    public IReadOnlyList<string> Emotions { get; private set; } = [];

    /// <summary>What they noticed in their body.</summary>
    public string? FeelingsBody { get; private set; }

    public string? CriticFear { get; private set; }

    public string? AllyWisdom { get; private set; }

    public string? AllyStrength { get; private set; }

    public string? AllyWarmth { get; private set; }

    public string? Action { get; private set; }

    public int? HarshnessBefore { get; private set; }

    public int? HarshnessAfter { get; private set; }

    public int? BeliefBefore { get; private set; }

    public int? BeliefAfter { get; private set; }

    public sealed record Ratings(int? HarshnessBefore, int? HarshnessAfter, int? BeliefBefore, int? BeliefAfter)
    {
        public static Ratings None { get; } = new(null, null, null, null);

        public IReadOnlyList<int?> All => [HarshnessBefore, HarshnessAfter, BeliefBefore, BeliefAfter];
    }

    public sealed record Content(
        string? Situation, string? CriticWords, IReadOnlyList<string> Emotions, string? FeelingsBody, string? CriticFear,
        string? AllyWisdom, string? AllyStrength, string? AllyWarmth, string? Action, Ratings Ratings)
    {
        public IReadOnlyList<string?> Texts => [Situation, CriticWords, FeelingsBody, CriticFear, AllyWisdom, AllyStrength, AllyWarmth, Action];
    }

    /// <summary>Every text written, in order; for the risk check.</summary>
    public IReadOnlyList<string?> Texts => [Situation, CriticWords, FeelingsBody, CriticFear, AllyWisdom, AllyStrength, AllyWarmth, Action];

    /// <summary>The compassionate self's reply, its parts in order, for reading back and keeping as an ally card.</summary>
    public IReadOnlyList<string> Reply => [.. new[] { AllyWisdom, AllyStrength, AllyWarmth }.OfType<string>()];

    public static AllyRecord Write(Guid userId, DateTime now, Content content, EmotionCatalog catalog)
    {
        var record = new AllyRecord { Id = Guid.CreateVersion7(), UserId = userId, CreatedAt = now.ToUniversalTime() };
        record.Replace(content, now, catalog);
        return record;
    }

    /// <summary>Replaces everything written; the edge has already checked it, and this keeps the invariants for any other path.</summary>
    public void Replace(Content content, DateTime now, EmotionCatalog catalog)
    {
        if (!content.Texts.Any(WritingLimits.HasText))
        {
            throw new ArgumentException("A record needs some text in at least one part.", nameof(content));
        }

        foreach (var text in content.Texts)
        {
            WritingLimits.EnsureFits(text, nameof(content));
        }

        if (content.Ratings.All.Any(r => r is < MinRating or > MaxRating))
        {
            throw new ArgumentOutOfRangeException(nameof(content), "Ratings are from 0 to 10.");
        }

        var emotions = content.Emotions.Distinct(StringComparer.Ordinal).ToArray();
        if (emotions.FirstOrDefault(e => !catalog.IsKnown(e)) is { } unknown)
        {
            throw new ArgumentException($"Unknown emotion '{unknown}'.", nameof(content));
        }

        Situation = WritingLimits.Clean(content.Situation);
        CriticWords = WritingLimits.Clean(content.CriticWords);
        Emotions = emotions;
        FeelingsBody = WritingLimits.Clean(content.FeelingsBody);
        CriticFear = WritingLimits.Clean(content.CriticFear);
        AllyWisdom = WritingLimits.Clean(content.AllyWisdom);
        AllyStrength = WritingLimits.Clean(content.AllyStrength);
        AllyWarmth = WritingLimits.Clean(content.AllyWarmth);
        Action = WritingLimits.Clean(content.Action);
        (HarshnessBefore, HarshnessAfter, BeliefBefore, BeliefAfter) = (content.Ratings.HarshnessBefore, content.Ratings.HarshnessAfter, content.Ratings.BeliefBefore, content.Ratings.BeliefAfter);
        UpdatedAt = now.ToUniversalTime();
    }
}

internal sealed class AllyRecordConfiguration(FieldKeyRing keys) : IEntityTypeConfiguration<AllyRecord>
{
    public void Configure(EntityTypeBuilder<AllyRecord> builder)
    {
        builder.ToTable("AllyRecords", t =>
        {
            foreach (var rating in (string[])[nameof(AllyRecord.HarshnessBefore), nameof(AllyRecord.HarshnessAfter), nameof(AllyRecord.BeliefBefore), nameof(AllyRecord.BeliefAfter)])
            {
                t.HasCheckConstraint($"CK_AllyRecords_{rating}", $"\"{rating}\" BETWEEN 0 AND 10");
            }
        });
        builder.WrittenByPerson();
        builder.Ignore(r => r.Texts);
        builder.Ignore(r => r.Reply);
        var text = new ProtectedTextConverter(keys, AllyRecord.Purpose);
        foreach (var name in AllyRecord.TextNames)
        {
            builder.Property<string?>(name).HasConversion((ValueConverter)text);
        }

        builder.Property(r => r.Emotions).HasConversion(new ProtectedListConverter(keys, AllyRecord.EmotionsPurpose), ProtectedListConverter.Comparer);
    }
}
