using System.ComponentModel.DataAnnotations;
using System.Globalization;
using InnerAlly.Data;
using InnerAlly.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnerAlly.Features.Practices;

/// <summary>
/// One line of a person's weekly rhythm: a practice, a length, the days of the week and a time
/// of day, in the person's own time zone. A rhythm is an intention, never a score: nothing
/// counts what was missed.
/// </summary>
public sealed class PracticeRhythmItem
{
    public const int MaxItems = 21;

    private PracticeRhythmItem()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string PracticeId { get; private set; } = "";

    public int Minutes { get; private set; }

    /// <summary>Days of the week as bits: 1 &lt;&lt; (int)DayOfWeek (Sunday is bit 0).</summary>
    public int Days { get; private set; }

    public TimeOnly TimeOfDay { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<DayOfWeek> DaysOfWeek => [.. PracticeRhythm.WeekOrder.Where(d => (Days & (1 << (int)d)) != 0)];

    public static PracticeRhythmItem Create(Guid userId, string practiceId, int minutes, IEnumerable<DayOfWeek> days, TimeOnly timeOfDay, DateTime createdAt)
    {
        var practice = PracticeCatalog.Find(practiceId) ?? throw new ArgumentException($"Unknown practice '{practiceId}'.", nameof(practiceId));
        if (!practice.Lengths.Contains(minutes))
        {
            throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "Not one of the practice's lengths.");
        }

        var bits = days.Aggregate(0, (mask, d) => mask | (1 << (int)d));
        if (bits == 0)
        {
            throw new ArgumentException("At least one day.", nameof(days));
        }

        return new PracticeRhythmItem
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            PracticeId = practiceId,
            Minutes = minutes,
            Days = bits,
            TimeOfDay = new TimeOnly(timeOfDay.Hour, timeOfDay.Minute),
            CreatedAt = createdAt.ToUniversalTime(),
        };
    }
}

internal sealed class PracticeRhythmItemConfiguration : IEntityTypeConfiguration<PracticeRhythmItem>
{
    public void Configure(EntityTypeBuilder<PracticeRhythmItem> builder)
    {
        builder.ToTable("PracticeRhythmItems", t =>
        {
            t.HasCheckConstraint("CK_PracticeRhythmItems_Days", "\"Days\" BETWEEN 1 AND 127");
            t.HasCheckConstraint("CK_PracticeRhythmItems_Minutes", "\"Minutes\" BETWEEN 1 AND 60");
        });
        builder.HasKey(i => i.Id);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.UserId);
        builder.Property(i => i.PracticeId).HasMaxLength(100);
        builder.Ignore(i => i.DaysOfWeek);
    }
}

/// <summary>Reading and changing a person's weekly rhythm; the page and the API both call these.</summary>
public static class PracticeRhythm
{
    /// <summary>Monday first, as most of the world's calendars show a week.</summary>
    public static readonly DayOfWeek[] WeekOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string DayId(DayOfWeek day) => day.ToString().ToLowerInvariant();

    public static bool TryParseDay(string? text, out DayOfWeek day)
    {
        day = default;
        return text is not null
            && Enum.TryParse(text, ignoreCase: true, out day)
            && Enum.IsDefined(day)
            && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
    }

    public sealed class Request : IValidatableObject
    {
        [Required(ErrorMessage = "Choose a practice.")]
        public string? PracticeId { get; set; }

        [Required(ErrorMessage = "Choose how many minutes.")]
        public int? Minutes { get; set; }

        /// <summary>Days of the week by name: "monday" to "sunday".</summary>
        public List<string>? Days { get; set; }

        /// <summary>Time of day, 24-hour "HH:mm", in your time zone.</summary>
        [Required(ErrorMessage = "Choose a time of day.")]
        public string? Time { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            var practice = PracticeCatalog.Find(PracticeId);
            if (PracticeId is not null && practice is null)
            {
                yield return new ValidationResult($"There is no practice called \"{PracticeId}\".", [nameof(PracticeId)]);
            }

            if (practice is not null && Minutes is { } minutes && !practice.Lengths.Contains(minutes))
            {
                yield return new ValidationResult($"{practice.Title} comes in {practice.LengthsInWords}.", [nameof(Minutes)]);
            }

            if (Days is not { Count: > 0 })
            {
                yield return new ValidationResult("Choose at least one day.", [nameof(Days)]);
            }
            else if (Days.FirstOrDefault(d => !TryParseDay(d, out _)) is { } unknown)
            {
                yield return new ValidationResult($"\"{unknown}\" is not a day of the week; use monday to sunday.", [nameof(Days)]);
            }

            if (Time is not null && !TryParseTime(Time, out _))
            {
                yield return new ValidationResult("Give the time as hours and minutes, for example 07:30 or 21:15.", [nameof(Time)]);
            }
        }

        internal IEnumerable<DayOfWeek> ParsedDays() => Days!.Select(d => TryParseDay(d, out var day) ? day : throw new FormatException(d));
    }

    public static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public sealed record ItemResponse(Guid Id, string PracticeId, string PracticeTitle, int Minutes, IReadOnlyList<string> Days, string Time);

    public static ItemResponse ToResponse(PracticeRhythmItem i) => new(
        i.Id,
        i.PracticeId,
        PracticeCatalog.Find(i.PracticeId)?.Title ?? i.PracticeId,
        i.Minutes,
        [.. i.DaysOfWeek.Select(DayId)],
        i.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture));

    public static async Task<IReadOnlyList<PracticeRhythmItem>> ListAsync(Guid userId, AppDbContext db, CancellationToken cancellationToken)
    {
        var items = await db.PracticeRhythmItems.AsNoTracking().Where(i => i.UserId == userId).ToListAsync(cancellationToken);
        return [.. items.OrderBy(i => i.TimeOfDay).ThenBy(i => i.CreatedAt)];
    }

    public enum AddOutcome
    {
        Added,
        Full,
    }

    public static async Task<(AddOutcome Outcome, PracticeRhythmItem? Item)> AddAsync(
        Request request, Guid userId, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.PracticeRhythmItems.CountAsync(i => i.UserId == userId, cancellationToken) >= PracticeRhythmItem.MaxItems)
        {
            return (AddOutcome.Full, null);
        }

        if (!TryParseTime(request.Time!, out var time))
        {
            throw new FormatException("The request's time was not checked before it got here.");
        }

        var item = PracticeRhythmItem.Create(userId, request.PracticeId!, request.Minutes!.Value, request.ParsedDays(), time, clock.GetUtcNow().UtcDateTime);
        db.PracticeRhythmItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return (AddOutcome.Added, item);
    }

    /// <returns>False when there is no such item of this person's (someone else's is never touched).</returns>
    public static async Task<bool> RemoveAsync(Guid id, Guid userId, AppDbContext db, CancellationToken cancellationToken) =>
        await db.PracticeRhythmItems.Where(i => i.Id == id && i.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
}
