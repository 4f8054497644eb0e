namespace InnerAlly.Features.Account;

/// <summary>Times are stored in UTC and shown in the person's own time zone.</summary>
public static class PersonalTime
{
    public static async Task<TimeZoneInfo> ZoneForAsync(Guid userId, AppDbContext db, CancellationToken cancellationToken)
    {
        var id = await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZoneId).SingleOrDefaultAsync(cancellationToken);
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(utc, zone);

    /// <summary>"Wednesday 25 November, 18:40".</summary>
    public static string Format(DateTime utc, TimeZoneInfo zone) =>
        ToLocal(utc, zone).ToString("dddd d MMMM, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Wed 25 Nov, 18:40", for lists.</summary>
    public static string FormatShort(DateTime utc, TimeZoneInfo zone) =>
        ToLocal(utc, zone).ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture);
}
