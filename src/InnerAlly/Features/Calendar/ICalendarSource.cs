using Ical.Net.CalendarComponents;

namespace InnerAlly.Features.Calendar;

/// <summary>
/// A feature that puts events in a person's calendar feed (the weekly rhythm of practice, the
/// questionnaire reminders). Each registers one with <c>AddCalendarSource</c>, so the calendar
/// depends on none of them.
/// </summary>
public interface ICalendarSource
{
    Task<IReadOnlyList<CalendarEvent>> EventsAsync(CalendarOwner owner, AppDbContext db, CancellationToken cancellationToken);
}

/// <summary>Whose feed is being read, and what an event needs to be written for them.</summary>
/// <param name="FeedKey">A secret of the feed's own (the SHA-256 of its address), from which stable event UIDs are made that say nothing about the account.</param>
/// <param name="Zone">The person's time zone: events fall at their times of day there.</param>
/// <param name="Site">The address the feed was read at, for links back into InnerAlly.</param>
public sealed record CalendarOwner(Guid UserId, string FeedKey, TimeZoneInfo Zone, Uri Site);
