using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using InnerAlly.Data;
using InnerAlly.Features.Account;
using InnerAlly.Features.Measures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InnerAlly.Features.Practices;

/// <summary>
/// A secret address at which a calendar app can subscribe to a person's weekly rhythm. Found by
/// the SHA-256 of its secret; the secret itself is kept sealed so the page can show the address
/// again. Making a new one replaces the old, which stops working at once.
/// </summary>
public sealed class CalendarFeed
{
    public const string Purpose = "InnerAlly.CalendarFeed.v1";

    private CalendarFeed()
    {
    }

    public Guid UserId { get; private set; }

    public string TokenHash { get; private set; } = "";

    /// <summary>Sealed at rest, like health text: the address alone is enough to read the feed.</summary>
    public string Token { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public static CalendarFeed Create(Guid userId, DateTime createdAt)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new CalendarFeed { UserId = userId, Token = token, TokenHash = Hash(token), CreatedAt = createdAt.ToUniversalTime() };
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string PathFor(string token) => $"/calendar/{token}.ics";

    /// <summary>Makes a new address for the person, replacing any earlier one in the same save, so a failure leaves the old address working.</summary>
    public static async Task<CalendarFeed> RenewAsync(Guid userId, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.CalendarFeeds.FirstOrDefaultAsync(f => f.UserId == userId, cancellationToken) is { } old)
        {
            db.CalendarFeeds.Remove(old);
        }

        var feed = Create(userId, clock.GetUtcNow().UtcDateTime);
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(cancellationToken);
        return feed;
    }

    public static async Task<bool> RevokeAsync(Guid userId, AppDbContext db, CancellationToken cancellationToken) =>
        await db.CalendarFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    public static Task<CalendarFeed?> FindForAsync(Guid userId, AppDbContext db, CancellationToken cancellationToken) =>
        db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.UserId == userId, cancellationToken);

    /// <summary>The iCalendar text for the person whose secret is <paramref name="token"/>, or null when no feed has it.</summary>
    public static async Task<string?> RenderAsync(string token, Uri site, AppDbContext db, InstrumentCatalog instruments, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        var userId = await db.CalendarFeeds.AsNoTracking().Where(f => f.TokenHash == hash).Select(f => (Guid?)f.UserId).FirstOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            return null;
        }

        var zone = await PersonalTime.ZoneForAsync(userId.Value, db, cancellationToken);
        var items = await PracticeRhythm.ListAsync(userId.Value, db, cancellationToken);
        var questionnaires = await MeasureReminders.EventsAsync(userId.Value, hash, zone, site, instruments, db, cancellationToken);
        return Render(items, zone, site, questionnaires);
    }

    /// <summary>
    /// One weekly repeating event per rhythm line, at its time in the person's zone, with a reminder
    /// as it starts; and any other events of theirs (questionnaire reminders).
    /// </summary>
    public static string Render(IReadOnlyList<PracticeRhythmItem> items, TimeZoneInfo zone, Uri site, IEnumerable<CalendarEvent>? others = null)
    {
        var calendar = new Calendar();
        calendar.AddProperty("X-WR-CALNAME", "InnerAlly practice");
        // A full definition (not just the id) for apps that cannot look the zone up themselves.
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone.Id));
        foreach (var item in items)
        {
            var practice = PracticeCatalog.Find(item.PracticeId);
            var title = practice?.Title ?? item.PracticeId;
            var created = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(item.CreatedAt, zone));
            var first = Enumerable.Range(0, 7).Select(created.AddDays).First(d => item.DaysOfWeek.Contains(d.DayOfWeek));
            var link = new Uri(site, $"/practices/{item.PracticeId}?minutes={item.Minutes}");
            var start = new CalDateTime(first.Year, first.Month, first.Day, item.TimeOfDay.Hour, item.TimeOfDay.Minute, 0, zone.Id);
            var calendarEvent = new CalendarEvent
            {
                Uid = $"{item.Id}@innerally",
                Summary = $"{title}, {item.Minutes} minutes",
                Description = $"{practice?.Summary} Whenever suits you today is fine. {link}",
                Url = link,
                DtStart = start,
                DtEnd = start.AddMinutes(item.Minutes),
                DtStamp = new CalDateTime(item.CreatedAt, "UTC"),
                Transparency = TransparencyType.Transparent,
            };
            calendarEvent.RecurrenceRule = new RecurrencePattern(FrequencyType.Weekly, 1)
            {
                ByDay = [.. item.DaysOfWeek.Select(d => new WeekDay(d))],
            };
            calendarEvent.Alarms.Add(new Alarm
            {
                Action = AlarmAction.Display,
                Description = $"Time for {title}, if it suits you.",
                Trigger = new Trigger(Duration.Zero),
            });
            calendar.Events.Add(calendarEvent);
        }

        foreach (var other in others ?? [])
        {
            calendar.Events.Add(other);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}

internal sealed class CalendarFeedConfiguration(ProtectedTextConverter sealedToken) : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.HasKey(f => f.UserId);
        builder.HasOne<User>().WithOne().HasForeignKey<CalendarFeed>(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.Property(f => f.Token).HasConversion((ValueConverter)sealedToken);
    }
}
