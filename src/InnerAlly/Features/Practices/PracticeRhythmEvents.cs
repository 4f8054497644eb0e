using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using InnerAlly.Features.Calendar;

namespace InnerAlly.Features.Practices;

/// <summary>The weekly rhythm in the person's calendar feed: one weekly repeating event per line, at its time in their zone, with a reminder as it starts.</summary>
public sealed class PracticeRhythmEvents(PracticeCatalog practices) : ICalendarSource
{
    public async Task<IReadOnlyList<CalendarEvent>> EventsAsync(CalendarOwner owner, AppDbContext db, CancellationToken cancellationToken) =>
        [.. (await ListRhythm.HandleAsync(owner.UserId, db, cancellationToken)).Select(i => EventFor(i, owner.Zone, owner.Site))];

    public CalendarEvent EventFor(PracticeRhythmItem item, TimeZoneInfo zone, Uri site)
    {
        var practice = practices.Find(item.PracticeId);
        var title = practice?.Title ?? item.PracticeId;
        var created = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(item.CreatedAt, zone));
        var first = Enumerable.Range(0, 7).Select(created.AddDays).First(d => item.DaysOfWeek.Contains(d.DayOfWeek));
        var link = new Uri(site, $"/practices/{item.PracticeId}?minutes={item.Minutes}");
        var start = new CalDateTime(first.Year, first.Month, first.Day, item.TimeOfDay.Hour, item.TimeOfDay.Minute, 0, zone.Id);
        var repeat = new RecurrencePattern(FrequencyType.Weekly, 1) { ByDay = [.. item.DaysOfWeek.Select(d => new WeekDay(d))] };
        return GentleEvent.Create(
            item.Id.ToString(), $"{title}, {item.Minutes} minutes", $"{practice?.Summary} Whenever suits you today is fine.", link, start, item.Minutes, item.CreatedAt, repeat, $"Time for {title}, if it suits you.");
    }
}
