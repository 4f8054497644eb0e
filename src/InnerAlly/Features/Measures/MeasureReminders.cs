using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using InnerAlly.Data;
using Microsoft.EntityFrameworkCore;

namespace InnerAlly.Features.Measures;

/// <summary>
/// "Remind me every N weeks": one reminder per questionnaire, carried by the person's calendar
/// feed (Features/Practices/CalendarFeed), starting N weeks after their latest complete response.
/// </summary>
public static class MeasureReminders
{
    public static Task<MeasureReminder?> FindAsync(string code, Guid userId, AppDbContext db, CancellationToken cancellationToken) =>
        db.MeasureReminders.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.InstrumentCode == code, cancellationToken);

    /// <summary>Sets (or replaces) the reminder for this questionnaire.</summary>
    public static async Task<MeasureReminder> SetAsync(string code, int everyWeeks, TimeOnly time, Guid userId, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await RemoveAsync(code, userId, db, cancellationToken);
        var reminder = MeasureReminder.Create(userId, code, everyWeeks, time, clock.GetUtcNow().UtcDateTime);
        db.MeasureReminders.Add(reminder);
        await db.SaveChangesAsync(cancellationToken);
        return reminder;
    }

    public static async Task<bool> RemoveAsync(string code, Guid userId, AppDbContext db, CancellationToken cancellationToken) =>
        await db.MeasureReminders.Where(r => r.UserId == userId && r.InstrumentCode == code).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>
    /// Stable for as long as the feed's address is (a calendar app keeps one event, not a new one
    /// each time it reads the feed); an HMAC, so it reveals neither the account nor the questionnaire.
    /// </summary>
    public static string Uid(string feedKey, string instrumentCode) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(feedKey), Encoding.UTF8.GetBytes("measure-reminder:" + instrumentCode)))[..32];

    /// <summary>"every week", "every 2 weeks".</summary>
    public static string Every(int weeks) => weeks == 1 ? "every week" : string.Create(CultureInfo.InvariantCulture, $"every {weeks} weeks");

    /// <summary>The person's reminders as calendar events: each repeats every N weeks from N weeks after the latest complete response (or after it was set).</summary>
    /// <param name="feedKey">A secret of the feed's own (the SHA-256 of its address), from which each event's UID is made, so a UID says nothing about the account.</param>
    public static async Task<IReadOnlyList<CalendarEvent>> EventsAsync(
        Guid userId, string feedKey, TimeZoneInfo zone, Uri site, InstrumentCatalog catalog, AppDbContext db, CancellationToken cancellationToken)
    {
        var reminders = await db.MeasureReminders.AsNoTracking().Where(r => r.UserId == userId).ToListAsync(cancellationToken);
        var events = new List<CalendarEvent>();
        foreach (var reminder in reminders)
        {
            if (catalog.Find(reminder.InstrumentCode) is not { } instrument)
            {
                continue; // a clinic's definition that has since been taken away
            }

            var latest = await db.MeasureResponses.AsNoTracking()
                .Where(r => r.UserId == userId && r.InstrumentCode == reminder.InstrumentCode && r.CompletedAt != null)
                .MaxAsync(r => r.CompletedAt, cancellationToken);
            events.Add(EventFor(reminder, instrument, latest ?? reminder.CreatedAt, zone, site, feedKey));
        }

        return events;
    }

    public static CalendarEvent EventFor(MeasureReminder reminder, Instrument instrument, DateTime countFrom, TimeZoneInfo zone, Uri site, string feedKey)
    {
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(countFrom, zone)).AddDays(7 * reminder.EveryWeeks);
        var start = new CalDateTime(first.Year, first.Month, first.Day, reminder.TimeOfDay.Hour, reminder.TimeOfDay.Minute, 0, zone.Id);
        var link = new Uri(site, $"/measures/{instrument.Code}");
        var calendarEvent = new CalendarEvent
        {
            Uid = $"{Uid(feedKey, instrument.Code)}@innerally",
            Summary = $"A few minutes for the {instrument.ShortTitle}",
            Description = $"A few minutes for the {instrument.ShortTitle}, {Every(reminder.EveryWeeks)}. Whenever suits you is fine. {link}",
            Url = link,
            DtStart = start,
            DtEnd = start.AddMinutes(10),
            DtStamp = new CalDateTime(reminder.CreatedAt, "UTC"),
            Transparency = TransparencyType.Transparent,
            RecurrenceRule = new RecurrencePattern(FrequencyType.Weekly, reminder.EveryWeeks),
        };
        calendarEvent.Alarms.Add(new Alarm
        {
            Action = AlarmAction.Display,
            Description = $"Time for the {instrument.ShortTitle}, if it suits you.",
            Trigger = new Trigger(Duration.Zero),
        });
        return calendarEvent;
    }
}
