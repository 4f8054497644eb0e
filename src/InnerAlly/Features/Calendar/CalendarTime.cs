namespace InnerAlly.Features.Calendar;

/// <summary>A time of day as people type it for a reminder ("07:30", "7:30", "21:15").</summary>
public static class CalendarTime
{
    public const string Hint = "Give the time as hours and minutes, for example 07:30 or 21:15.";

    public static bool TryParse(string? text, out TimeOnly time)
    {
        time = default;
        return text is not null
            && TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    /// <summary>"18:30": how the API gives a time of day back.</summary>
    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
