namespace InnerAlly.Features.Calendar;

/// <summary>Makes a new calendar address for the person; any earlier one stops working.</summary>
public static class RenewCalendarFeed
{
    /// <summary>Replaces any earlier address in the same save, so a failure leaves the old one working.</summary>
    public static async Task<CalendarFeed> HandleAsync(Guid userId, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.CalendarFeeds.FirstOrDefaultAsync(f => f.UserId == userId, cancellationToken) is { } old)
        {
            db.CalendarFeeds.Remove(old);
        }

        var feed = CalendarFeed.Create(userId, clock.GetUtcNow().UtcDateTime);
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(cancellationToken);
        return feed;
    }

    /// <summary>The person's address as it is, or a new one when they have none: for a reminder that travels in the calendar.</summary>
    public static async Task<CalendarFeed> EnsureAsync(Guid userId, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.UserId == userId, cancellationToken)
            ?? await HandleAsync(userId, db, clock, cancellationToken);
}
