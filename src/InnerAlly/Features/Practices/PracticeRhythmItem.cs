using InnerAlly.Features.Calendar;

namespace InnerAlly.Features.Practices;

/// <summary>
/// One line of a person's weekly rhythm: a practice, a length, the days of the week and a time
/// of day, in the person's own time zone. A rhythm is an intention, never a score: nothing
/// counts what was missed.
/// </summary>
public sealed class PracticeRhythmItem : PersonalRow
{
    public const int MaxItems = 21;

    private PracticeRhythmItem()
    {
    }

    public string PracticeId { get; private set; } = "";

    public int Minutes { get; private set; }

    /// <summary>Days of the week as bits: 1 &lt;&lt; (int)DayOfWeek (Sunday is bit 0).</summary>
    public int Days { get; private set; }

    public TimeOnly TimeOfDay { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<DayOfWeek> DaysOfWeek => [.. Weekdays.InOrder.Where(d => (Days & (1 << (int)d)) != 0)];

    public static PracticeRhythmItem Create(Guid userId, string practiceId, int minutes, IEnumerable<DayOfWeek> days, TimeOnly timeOfDay, DateTime createdAt, PracticeCatalog practices)
    {
        var practice = practices.Find(practiceId) ?? throw new ArgumentException($"Unknown practice '{practiceId}'.", nameof(practiceId));
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
