namespace InnerAlly.Features.Practices;

/// <summary>One time a person did a practice, with how they felt before and after if they said.</summary>
public sealed class PracticeSession : PersonalRow
{
    public const int MinRating = 0;
    public const int MaxRating = 10;
    public const int NoteMaxLength = 2000;
    public const int MaxDurationSeconds = 3 * 60 * 60;

    private PracticeSession()
    {
    }

    public string PracticeId { get; private set; } = "";

    public DateTime StartedAt { get; private set; }

    public int DurationSeconds { get; private set; }

    public int? ThreatBefore { get; private set; }

    public int? SootheBefore { get; private set; }

    public int? ThreatAfter { get; private set; }

    public int? SootheAfter { get; private set; }

    /// <summary>Encrypted at rest.</summary>
    public string? Note { get; private set; }

    public DateTime RecordedAt { get; private set; }

    /// <summary>Keeps the invariants the edge has already checked, so no other path can break them.</summary>
    public static PracticeSession Record(
        Guid userId, string practiceId, DateTime startedAt, int durationSeconds, Ratings? before, Ratings? after, string? note, DateTime recordedAt, PracticeCatalog practices)
    {
        if (practices.Find(practiceId) is null)
        {
            throw new ArgumentException($"Unknown practice '{practiceId}'.", nameof(practiceId));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(durationSeconds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(durationSeconds, MaxDurationSeconds);
        before?.Check();
        after?.Check();
        if (note is { Length: > NoteMaxLength })
        {
            throw new ArgumentException("The note is too long.", nameof(note));
        }

        return new PracticeSession
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            PracticeId = practiceId,
            StartedAt = startedAt.ToUniversalTime(),
            DurationSeconds = durationSeconds,
            ThreatBefore = before?.Threat,
            SootheBefore = before?.Soothe,
            ThreatAfter = after?.Threat,
            SootheAfter = after?.Soothe,
            Note = string.IsNullOrWhiteSpace(note) ? null : note,
            RecordedAt = recordedAt.ToUniversalTime(),
        };
    }

    /// <summary>Quick ratings of threat and soothe, 0 to 10; either may be left out.</summary>
    public sealed record Ratings(int? Threat, int? Soothe)
    {
        internal void Check()
        {
            foreach (var value in new[] { Threat, Soothe })
            {
                if (value is < MinRating or > MaxRating)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, "A rating is from 0 to 10.");
                }
            }
        }
    }
}

internal sealed class PracticeSessionConfiguration(ProtectedTextConverter protectedText) : IEntityTypeConfiguration<PracticeSession>
{
    private static readonly string[] RatingColumns = ["ThreatBefore", "SootheBefore", "ThreatAfter", "SootheAfter"];

    public void Configure(EntityTypeBuilder<PracticeSession> builder)
    {
        builder.ToTable("PracticeSessions", t =>
        {
            t.HasCheckConstraint("CK_PracticeSessions_Duration", "\"DurationSeconds\" BETWEEN 1 AND 10800");
            foreach (var column in RatingColumns)
            {
                t.HasCheckConstraint($"CK_PracticeSessions_{column}", $"\"{column}\" IS NULL OR \"{column}\" BETWEEN 0 AND 10");
            }
        });
        builder.BelongsToPerson();
        builder.HasIndex(s => new { s.UserId, s.StartedAt });
        builder.Property(s => s.PracticeId).HasMaxLength(100);
        builder.Property(s => s.Note).HasConversion((ValueConverter)protectedText);
    }
}
