namespace InnerAlly.Features.Calendar;

/// <summary>A person's calendar address as the page shows it and the API returns it.</summary>
public sealed record CalendarAddress(string Url, DateTime CreatedAt)
{
    /// <summary>At the address the person is using now, so it works in the calendar app on the same device.</summary>
    public static CalendarAddress For(CalendarFeed feed, HttpRequest request) =>
        new($"{request.Scheme}://{request.Host}{feed.Path}", feed.CreatedAt);

    /// <summary>The person's address, or null when they have none (or turned it off).</summary>
    public static async Task<CalendarAddress?> FindAsync(Guid userId, HttpRequest request, AppDbContext db, CancellationToken cancellationToken) =>
        await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.UserId == userId, cancellationToken) is { } feed
            ? For(feed, request)
            : null;
}
