using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using InnerAlly.Features.Calendar;

namespace InnerAlly.Features.Measures;

/// <summary>
/// The questionnaire reminders in the person's calendar feed: each repeats every N weeks from N
/// weeks after their latest complete response (or after it was set).
/// </summary>
public sealed class MeasureReminderEvents(InstrumentCatalog catalog) : ICalendarSource
{
    public async Task<IReadOnlyList<CalendarEvent>> EventsAsync(CalendarOwner owner, AppDbContext db, CancellationToken cancellationToken)
    {
        var reminders = await db.MeasureReminders.AsNoTracking().Where(r => r.UserId == owner.UserId).ToListAsync(cancellationToken);
        var events = new List<CalendarEvent>();
        foreach (var reminder in reminders)
        {
            if (catalog.Find(reminder.InstrumentCode) is not { } instrument)
            {
                continue; // a clinic's definition that has since been taken away
            }

            var latest = await db.MeasureResponses.AsNoTracking()
                .Where(r => r.UserId == owner.UserId && r.InstrumentCode == reminder.InstrumentCode && r.CompletedAt != null)
                .MaxAsync(r => r.CompletedAt, cancellationToken);
            events.Add(EventFor(reminder, instrument, latest ?? reminder.CreatedAt, owner));
        }

        return events;
    }

    /// <summary>
    /// Stable for as long as the feed's address is (a calendar app keeps one event, not a new one
    /// each time it reads the feed); an HMAC, so it reveals neither the account nor the questionnaire.
    /// </summary>
    public static string Uid(string feedKey, string instrumentCode) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(feedKey), Encoding.UTF8.GetBytes("measure-reminder:" + instrumentCode)))[..32];

    public static CalendarEvent EventFor(MeasureReminder reminder, Instrument instrument, DateTime countFrom, CalendarOwner owner)
    {
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(countFrom, owner.Zone)).AddDays(7 * reminder.EveryWeeks);
        var start = new CalDateTime(first.Year, first.Month, first.Day, reminder.TimeOfDay.Hour, reminder.TimeOfDay.Minute, 0, owner.Zone.Id);
        var link = new Uri(owner.Site, $"/measures/{instrument.Code}");
        return GentleEvent.Create(
            Uid(owner.FeedKey, instrument.Code),
            $"A few minutes for the {instrument.ShortTitle}",
            $"A few minutes for the {instrument.ShortTitle}, {MeasureReminder.Every(reminder.EveryWeeks)}. Whenever suits you is fine.",
            link,
            start,
            10,
            reminder.CreatedAt,
            new RecurrencePattern(FrequencyType.Weekly, reminder.EveryWeeks),
            $"Time for the {instrument.ShortTitle}, if it suits you.");
    }
}
