using Ical.Net.CalendarComponents;
using Ical.Net.Serialization;

namespace InnerAlly.Features.Calendar;

/// <summary>The iCalendar text a calendar app reads at a person's secret address.</summary>
public static class RenderCalendarFeed
{
    /// <returns>Null when no feed has this secret.</returns>
    public static async Task<string?> HandleAsync(
        string token, Uri site, IEnumerable<ICalendarSource> sources, AppDbContext db, CancellationToken cancellationToken)
    {
        var hash = CalendarFeed.Hash(token);
        var userId = await db.CalendarFeeds.AsNoTracking().Where(f => f.TokenHash == hash).Select(f => (Guid?)f.UserId).FirstOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            return null;
        }

        var owner = new CalendarOwner(userId.Value, hash, await PersonalTime.ZoneForAsync(userId.Value, db, cancellationToken), site);
        var events = new List<CalendarEvent>();
        foreach (var source in sources)
        {
            events.AddRange(await source.EventsAsync(owner, db, cancellationToken));
        }

        return Render(owner.Zone, events);
    }

    public static string Render(TimeZoneInfo zone, IEnumerable<CalendarEvent> events)
    {
        var calendar = new Ical.Net.Calendar();
        calendar.AddProperty("X-WR-CALNAME", "InnerAlly practice");
        // A full definition (not just the id) for apps that cannot look the zone up themselves.
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone.Id));
        foreach (var calendarEvent in events)
        {
            calendar.Events.Add(calendarEvent);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
