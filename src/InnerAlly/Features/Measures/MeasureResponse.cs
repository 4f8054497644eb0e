using System.Text.Json;
using InnerAlly.Data;
using InnerAlly.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InnerAlly.Features.Measures;

/// <summary>
/// One person's answers to one questionnaire: a draft while they are part-way through, complete
/// once every item is answered (or as many as the instrument allows). The answers are health data
/// and sealed at rest; scores are worked out from them whenever they are read, so they can never
/// disagree with the answers.
/// </summary>
public sealed class MeasureResponse
{
    public const string Draft = "draft";
    public const string Complete = "complete";
    public const string Purpose = "InnerAlly.MeasureAnswers.v1";

    private MeasureResponse()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string InstrumentCode { get; private set; } = "";

    /// <summary>"draft" or "complete".</summary>
    public string Status { get; private set; } = Draft;

    public DateTime StartedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    /// <summary>The answers as JSON ({"1": 0, "2": 3, ...}), sealed at rest.</summary>
    public string AnswersJson { get; private set; } = "{}";

    public bool IsComplete => Status == Complete;

    /// <summary>The answers exactly as given, by item id.</summary>
    public IReadOnlyDictionary<string, int?> Answers =>
        JsonSerializer.Deserialize<Dictionary<string, int?>>(AnswersJson) ?? [];

    public static MeasureResponse Start(Guid userId, string instrumentCode, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        InstrumentCode = instrumentCode,
        StartedAt = now.ToUniversalTime(),
        UpdatedAt = now.ToUniversalTime(),
    };

    /// <summary>Keeps the answers as a draft; the edge has checked every value already.</summary>
    public void SaveDraft(IReadOnlyDictionary<string, int?> answers, DateTime now)
    {
        if (IsComplete)
        {
            throw new InvalidOperationException("A complete response is not turned back into a draft.");
        }

        AnswersJson = Serialize(answers);
        UpdatedAt = now.ToUniversalTime();
    }

    /// <summary>Completes the response with these answers; the edge has checked they may be scored.</summary>
    public void Finish(IReadOnlyDictionary<string, int?> answers, DateTime now)
    {
        SaveDraft(answers, now);
        Status = Complete;
        CompletedAt = now.ToUniversalTime();
    }

    private static string Serialize(IReadOnlyDictionary<string, int?> answers) =>
        JsonSerializer.Serialize(answers.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value));
}

internal sealed class MeasureResponseConfiguration(ProtectedTextConverter sealedAnswers) : IEntityTypeConfiguration<MeasureResponse>
{
    public void Configure(EntityTypeBuilder<MeasureResponse> builder)
    {
        builder.ToTable("MeasureResponses", t => t.HasCheckConstraint("CK_MeasureResponses_Status", "\"Status\" IN ('draft', 'complete')"));
        builder.HasKey(r => r.Id);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.UserId, r.InstrumentCode, r.CompletedAt });
        builder.Property(r => r.InstrumentCode).HasMaxLength(32);
        builder.Property(r => r.Status).HasMaxLength(16);
        builder.Property(r => r.AnswersJson).HasColumnName("Answers").HasConversion((ValueConverter)sealedAnswers);
        builder.Ignore(r => r.Answers);
        builder.Ignore(r => r.IsComplete);
    }
}

/// <summary>
/// "Remind me every N weeks" for one questionnaire: published in the person's calendar feed
/// (the same secret address as their week of practice), counted from their latest response.
/// </summary>
public sealed class MeasureReminder
{
    public const int MinWeeks = 1;
    public const int MaxWeeks = 12;

    private MeasureReminder()
    {
    }

    public Guid UserId { get; private set; }

    public string InstrumentCode { get; private set; } = "";

    public int EveryWeeks { get; private set; }

    /// <summary>In the person's time zone.</summary>
    public TimeOnly TimeOfDay { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static MeasureReminder Create(Guid userId, string instrumentCode, int everyWeeks, TimeOnly timeOfDay, DateTime now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(everyWeeks, MinWeeks);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(everyWeeks, MaxWeeks);
        return new MeasureReminder
        {
            UserId = userId,
            InstrumentCode = instrumentCode,
            EveryWeeks = everyWeeks,
            TimeOfDay = new TimeOnly(timeOfDay.Hour, timeOfDay.Minute),
            CreatedAt = now.ToUniversalTime(),
        };
    }
}

internal sealed class MeasureReminderConfiguration : IEntityTypeConfiguration<MeasureReminder>
{
    public void Configure(EntityTypeBuilder<MeasureReminder> builder)
    {
        builder.ToTable("MeasureReminders", t => t.HasCheckConstraint("CK_MeasureReminders_EveryWeeks", "\"EveryWeeks\" BETWEEN 1 AND 12"));
        builder.HasKey(r => new { r.UserId, r.InstrumentCode });
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.InstrumentCode).HasMaxLength(32);
    }
}
