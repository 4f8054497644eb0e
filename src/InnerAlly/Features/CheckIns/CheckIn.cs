using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace InnerAlly.Features.CheckIns;

/// <summary>One moment's reading of the three emotion-regulation systems.</summary>
public sealed class CheckIn : PersonalRow
{
    public const int MinRating = 0;
    public const int MaxRating = 10;
    public const int NoteMaxLength = 2000;

    private CheckIn()
    {
    }

    public DateTime RecordedAt { get; private set; }

    public int Threat { get; private set; }

    public int Drive { get; private set; }

    public int Soothe { get; private set; }

    public IReadOnlyList<string> Emotions { get; private set; } = [];

    /// <summary>Encrypted at rest.</summary>
    public string? Note { get; private set; }

    /// <summary>Keeps the invariants the edge has already checked, so no other path can break them.</summary>
    public static CheckIn Record(Guid userId, DateTime recordedAt, int threat, int drive, int soothe, IEnumerable<string> emotions, string? note, EmotionCatalog catalog)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threat, MinRating);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threat, MaxRating);
        ArgumentOutOfRangeException.ThrowIfLessThan(drive, MinRating);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(drive, MaxRating);
        ArgumentOutOfRangeException.ThrowIfLessThan(soothe, MinRating);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(soothe, MaxRating);
        var known = emotions.Distinct(StringComparer.Ordinal).ToArray();
        if (known.FirstOrDefault(e => !catalog.IsKnown(e)) is { } unknown)
        {
            throw new ArgumentException($"Unknown emotion '{unknown}'.", nameof(emotions));
        }

        if (note is { Length: > NoteMaxLength })
        {
            throw new ArgumentException("The note is too long.", nameof(note));
        }

        return new CheckIn
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            RecordedAt = recordedAt.ToUniversalTime(),
            Threat = threat,
            Drive = drive,
            Soothe = soothe,
            Emotions = known,
            Note = string.IsNullOrWhiteSpace(note) ? null : note,
        };
    }
}

internal sealed class CheckInConfiguration(ProtectedTextConverter protectedText) : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.ToTable("CheckIns", t =>
        {
            t.HasCheckConstraint("CK_CheckIns_Threat", "\"Threat\" BETWEEN 0 AND 10");
            t.HasCheckConstraint("CK_CheckIns_Drive", "\"Drive\" BETWEEN 0 AND 10");
            t.HasCheckConstraint("CK_CheckIns_Soothe", "\"Soothe\" BETWEEN 0 AND 10");
        });
        builder.BelongsToPerson();
        builder.HasIndex(c => new { c.UserId, c.RecordedAt });
        builder.Property(c => c.Emotions)
            .HasConversion(
                v => string.Join(',', v),
                v => v.Length == 0 ? Array.Empty<string>() : v.Split(',', StringSplitOptions.None),
                new ValueComparer<IReadOnlyList<string>>(
                    (a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (h, e) => HashCode.Combine(h, e.GetHashCode(StringComparison.Ordinal))),
                    v => v.ToArray()))
            .HasMaxLength(1000);
        builder.Property(c => c.Note).HasConversion((ValueConverter)protectedText);
    }
}
