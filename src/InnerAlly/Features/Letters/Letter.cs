namespace InnerAlly.Features.Letters;

/// <summary>
/// A compassionate letter a person writes to themselves about one difficulty (CFT-GUIDE section 3),
/// in guided parts. Kept as a draft until they say it is done; either way it can be changed.
/// </summary>
public sealed class Letter : PersonalWriting
{
    public const string Purpose = "InnerAlly.Letter.v1";
    public const string Draft = "draft";
    public const string Done = "done";

    public static readonly IReadOnlyList<string> Statuses = [Draft, Done];

    private Letter()
    {
    }

    /// <summary><see cref="Draft"/> or <see cref="Done"/>.</summary>
    public string Status { get; private set; } = Draft;

    /// <summary>The kind of letter chosen when it was started (<see cref="LetterVariations"/>): to yourself, from your compassionate other, ...</summary>
    public string Variation { get; private set; } = LetterVariations.Default;

    public string? Acknowledge { get; private set; }

    public string? Understand { get; private set; }

    public string? CommonHumanity { get; private set; }

    public string? NoBlame { get; private set; }

    public string? WhatWouldHelp { get; private set; }

    public string? Encouragement { get; private set; }

    public string? Close { get; private set; }

    public Parts Written => new(Acknowledge, Understand, CommonHumanity, NoBlame, WhatWouldHelp, Encouragement, Close);

    public bool IsDone => Status == Done;

    /// <summary>The letter's parts, in the order it is written and read.</summary>
    public sealed record Parts(
        string? Acknowledge, string? Understand, string? CommonHumanity, string? NoBlame, string? WhatWouldHelp, string? Encouragement, string? Close)
    {
        /// <summary>The parts' property names, in order.</summary>
        public static readonly IReadOnlyList<string> Names =
        [
            nameof(Acknowledge), nameof(Understand), nameof(CommonHumanity), nameof(NoBlame),
            nameof(WhatWouldHelp), nameof(Encouragement), nameof(Close),
        ];

        [System.Text.Json.Serialization.JsonIgnore]
        public IReadOnlyList<string?> All => [Acknowledge, Understand, CommonHumanity, NoBlame, WhatWouldHelp, Encouragement, Close];

        /// <summary>The parts written, joined as the paragraphs of one letter.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public string Whole => string.Join("\n\n", All.Where(WritingLimits.HasText));
    }

    public static Letter Write(Guid userId, DateTime now, Parts parts, string status, string variation, LetterVariations variations)
    {
        var letter = new Letter { Id = Guid.CreateVersion7(), UserId = userId, CreatedAt = now.ToUniversalTime() };
        letter.Replace(parts, status, now, variation, variations);
        return letter;
    }

    /// <summary>
    /// Replaces every part and the status, and the variation when one is given (null keeps it); the edge
    /// has already checked them, and this keeps the invariants for any other path.
    /// </summary>
    public void Replace(Parts parts, string status, DateTime now, string? variation, LetterVariations variations)
    {
        if (!parts.All.Any(WritingLimits.HasText))
        {
            throw new ArgumentException("A letter needs some text in at least one part.", nameof(parts));
        }

        foreach (var part in parts.All)
        {
            WritingLimits.EnsureFits(part, nameof(parts));
        }

        if (!Statuses.Contains(status))
        {
            throw new ArgumentException($"Unknown status '{status}'.", nameof(status));
        }

        if (variation is not null && variations.Find(variation) is null)
        {
            throw new ArgumentException($"Unknown variation '{variation}'.", nameof(variation));
        }

        Acknowledge = WritingLimits.Clean(parts.Acknowledge);
        Understand = WritingLimits.Clean(parts.Understand);
        CommonHumanity = WritingLimits.Clean(parts.CommonHumanity);
        NoBlame = WritingLimits.Clean(parts.NoBlame);
        WhatWouldHelp = WritingLimits.Clean(parts.WhatWouldHelp);
        Encouragement = WritingLimits.Clean(parts.Encouragement);
        Close = WritingLimits.Clean(parts.Close);
        Status = status;
        Variation = variation ?? Variation;
        UpdatedAt = now.ToUniversalTime();
    }
}

internal sealed class LetterConfiguration(FieldKeyRing keys) : IEntityTypeConfiguration<Letter>
{
    public void Configure(EntityTypeBuilder<Letter> builder)
    {
        builder.ToTable("Letters", t => t.HasCheckConstraint("CK_Letters_Status", "\"Status\" IN ('draft', 'done')"));
        builder.WrittenByPerson();
        builder.Property(l => l.Status).HasMaxLength(8);
        builder.Property(l => l.Variation).HasMaxLength(LetterVariations.IdMaxLength);
        builder.Ignore(l => l.Written);
        builder.Ignore(l => l.IsDone);
        var text = new ProtectedTextConverter(keys, Letter.Purpose);
        foreach (var name in Letter.Parts.Names)
        {
            builder.Property<string?>(name).HasConversion((ValueConverter)text);
        }
    }
}
