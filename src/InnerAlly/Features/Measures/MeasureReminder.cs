namespace InnerAlly.Features.Measures;

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

    /// <summary>"every week", "every 2 weeks".</summary>
    public static string Every(int weeks) => weeks == 1 ? "every week" : string.Create(CultureInfo.InvariantCulture, $"every {weeks} weeks");

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
