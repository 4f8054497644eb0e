using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;

namespace InnerAlly.Features.Calendar;

/// <summary>
/// The one shape of every event in the feed: free time (it never blocks the person's day), a link
/// back to the page, a repeat, and a gentle reminder as it starts.
/// </summary>
public static class GentleEvent
{
    /// <param name="uid">Stable for as long as the feed's address is, so a calendar app keeps one event.</param>
    /// <param name="alert">The reminder's words as the event starts.</param>
    public static CalendarEvent Create(string uid, string summary, string description, Uri link, CalDateTime start, int minutes, DateTime createdAt, RecurrencePattern repeat, string alert)
    {
        var calendarEvent = new CalendarEvent
        {
            Uid = $"{uid}@innerally",
            Summary = summary,
            Description = $"{description} {link}",
            Url = link,
            DtStart = start,
            DtEnd = start.AddMinutes(minutes),
            DtStamp = new CalDateTime(createdAt, "UTC"),
            Transparency = TransparencyType.Transparent,
            RecurrenceRule = repeat,
        };
        calendarEvent.Alarms.Add(new Alarm { Action = AlarmAction.Display, Description = alert, Trigger = new Trigger(Duration.Zero) });
        return calendarEvent;
    }
}
