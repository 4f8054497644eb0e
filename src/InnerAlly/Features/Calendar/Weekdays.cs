namespace InnerAlly.Features.Calendar;

/// <summary>Days of the week as the API names them ("monday" to "sunday") and as the pages list them.</summary>
public static class Weekdays
{
    /// <summary>Monday first, as most of the world's calendars show a week.</summary>
    public static readonly DayOfWeek[] InOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string Id(DayOfWeek day) => day.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out DayOfWeek day)
    {
        day = default;
        return text is not null
            && Enum.TryParse(text, ignoreCase: true, out day)
            && Enum.IsDefined(day)
            && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
    }
}
