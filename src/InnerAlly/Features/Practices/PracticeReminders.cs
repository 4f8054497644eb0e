namespace InnerAlly.Features.Practices;

/// <summary>
/// A person's wish to be emailed at the times in their weekly rhythm. Email is off unless the
/// operator configures it, and off for each person until they turn it on.
/// </summary>
public sealed class PracticeReminderSubscription
{
    private PracticeReminderSubscription()
    {
    }

    public Guid UserId { get; private set; }

    /// <summary>Reminders due up to this moment have been dealt with.</summary>
    public DateTime CheckedUpTo { get; internal set; }

    /// <summary>
    /// No longer read: links in reminders come from App:PublicUrl, never from a request. Kept until
    /// a migration rebuilds the table (SQLite cannot drop a column inside a transaction).
    /// </summary>
    public string SiteUrl { get; private set; } = "";

    public static PracticeReminderSubscription Start(Guid userId, DateTime now) =>
        new() { UserId = userId, CheckedUpTo = now.ToUniversalTime() };
}

internal sealed class PracticeReminderSubscriptionConfiguration : IEntityTypeConfiguration<PracticeReminderSubscription>
{
    public void Configure(EntityTypeBuilder<PracticeReminderSubscription> builder)
    {
        builder.HasKey(s => s.UserId);
        builder.HasOne<User>().WithOne().HasForeignKey<PracticeReminderSubscription>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.SiteUrl).HasMaxLength(300);
    }
}

/// <summary>Turning email reminders on and off, and sending the ones that are due.</summary>
public static partial class PracticeReminders
{
    /// <summary>A reminder more than this late (the app was down) is skipped rather than sent out of time.</summary>
    public static readonly TimeSpan Stale = TimeSpan.FromMinutes(30);

    public static Task<bool> IsOnAsync(Guid userId, AppDbContext db, CancellationToken cancellationToken) =>
        db.PracticeReminderSubscriptions.AnyAsync(s => s.UserId == userId, cancellationToken);

    public static async Task SetAsync(bool on, Guid userId, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var existing = await db.PracticeReminderSubscriptions.FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (on && existing is null)
        {
            db.PracticeReminderSubscriptions.Add(PracticeReminderSubscription.Start(userId, clock.GetUtcNow().UtcDateTime));
        }
        else if (!on && existing is not null)
        {
            db.PracticeReminderSubscriptions.Remove(existing);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The moments in (<paramref name="after"/>, <paramref name="upTo"/>] at which <paramref name="item"/> falls, in UTC.</summary>
    public static IEnumerable<DateTime> Occurrences(PracticeRhythmItem item, TimeZoneInfo zone, DateTime after, DateTime upTo)
    {
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(after, zone));
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(upTo, zone));
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (!item.DaysOfWeek.Contains(day.DayOfWeek))
            {
                continue;
            }

            var local = day.ToDateTime(item.TimeOfDay, DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(local))
            {
                local = local.AddHours(1); // a time the clocks skip over happens an hour later that day
            }

            var utc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
            if (utc > after && utc <= upTo)
            {
                yield return utc;
            }
        }
    }

    /// <summary>Sends every reminder that has fallen due since the last run; returns how many were sent. Links come from App:PublicUrl.</summary>
    public static async Task<int> SendDueAsync(AppDbContext db, PracticeCatalog practices, Mailer mailer, PublicLinks links, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        if (!mailer.IsConfigured)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var subscriptions = await db.PracticeReminderSubscriptions.ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var subscription in subscriptions)
        {
            var after = subscription.CheckedUpTo > now - Stale ? subscription.CheckedUpTo : now - Stale;
            var person = await db.Users.AsNoTracking()
                .Where(u => u.Id == subscription.UserId)
                .Select(u => new { u.Email, u.TimeZoneId })
                .FirstOrDefaultAsync(cancellationToken);
            if (person?.Email is { } email)
            {
                var zone = TimeZoneInfo.TryFindSystemTimeZoneById(person.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
                foreach (var item in await ListRhythm.HandleAsync(subscription.UserId, db, cancellationToken))
                {
                    if (Occurrences(item, zone, after, now).Any())
                    {
                        var (subject, text) = Message(item, practices, links.Site);
                        await mailer.SendAsync(email, subject, text, cancellationToken);
                        Log.Sent(logger, item.Id);
                        sent++;
                    }
                }
            }

            subscription.CheckedUpTo = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return sent;
    }

    public static (string Subject, string Text) Message(PracticeRhythmItem item, PracticeCatalog practices, Uri site)
    {
        var title = practices.TitleOf(item.PracticeId);
        return ("A few minutes for you",
            "Hello,\n\n" +
            $"You set aside this time for {title}, {item.Minutes} minutes. If now suits you, it is here:\n\n" +
            $"{new Uri(site, $"practices/{item.PracticeId}?minutes={item.Minutes}")}\n\n" +
            "If now is not a good moment, that is fine. Another one will come.\n\n" +
            $"You can stop these emails on your week of practice page: {new Uri(site, "practices/rhythm")}");
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Practice reminder sent for rhythm item {ItemId}")]
        public static partial void Sent(ILogger logger, Guid itemId);
    }
}

/// <summary>Checks once a minute for reminders that have fallen due.</summary>
public sealed partial class PracticeReminderService(IServiceScopeFactory scopes, Mailer mailer, PublicLinks links, TimeProvider clock, ILogger<PracticeReminderService> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!mailer.IsConfigured)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var practices = scope.ServiceProvider.GetRequiredService<PracticeCatalog>();
                await PracticeReminders.SendDueAsync(db, practices, mailer, links, clock, logger, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.Failed(logger, e);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Sending practice reminders failed; trying again in a minute")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
