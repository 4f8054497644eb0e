namespace InnerAlly.Features.Calendar;

/// <summary>Turns the person's calendar address off; calendars subscribed to it stop updating.</summary>
public static class RevokeCalendarFeed
{
    /// <returns>False when there was no address to turn off.</returns>
    public static async Task<bool> HandleAsync(Guid userId, AppDbContext db, CancellationToken cancellationToken) =>
        await db.CalendarFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
}
