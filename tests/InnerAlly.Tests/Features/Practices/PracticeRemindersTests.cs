using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Data;
using InnerAlly.Features.Calendar;
using InnerAlly.Features.Practices;
using InnerAlly.Infrastructure;
using InnerAlly.Tests.Features.Account;
using InnerAlly.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace InnerAlly.Tests.Features.Practices;

/// <summary>The app with email going to a pickup folder, on a clock the test moves; the once-a-minute service is left out so the test drives each run.</summary>
public sealed class ReminderFactory : InnerAllyFactory
{
    public ReminderFactory()
    {
        Settings = new Dictionary<string, string?> { ["Email:PickupDirectory"] = PickupDirectory, ["App:PublicUrl"] = PublicUrl };
    }

    /// <summary>Reminder links come from here, never from the address a request came to.</summary>
    public const string PublicUrl = "https://innerally.example";

    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "innerally-mail", Guid.NewGuid().ToString("N"));

    public ManualClock Clock { get; } = new();

    public IReadOnlyList<MimeMessage> Messages => Directory.Exists(PickupDirectory)
        ? [.. Directory.GetFiles(PickupDirectory, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))]
        : [];

    /// <summary>A person whose address is confirmed (email is on here, so sign-in waits for that), signed in through the API.</summary>
    public async Task<HttpClient> ConfirmedApiClientAsync(string email)
    {
        var client = CreateClient();
        (await client.PostAsJsonAsync("/api/v1/account/register", new { email, password = GoodPassword }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        WithDb(db => db.Users.Where(u => u.Email == email).ExecuteUpdate(u => u.SetProperty(x => x.EmailConfirmed, true)));
        var login = await client.PostAsJsonAsync("/api/v1/account/login", new { email, password = GoodPassword }, TestContext.Current.CancellationToken);
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<TokenResponse>(TestContext.Current.CancellationToken))!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public async Task<int> RunRemindersAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await PracticeReminders.SendDueAsync(
            scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<PracticeCatalog>(), scope.ServiceProvider.GetRequiredService<Mailer>(),
            scope.ServiceProvider.GetRequiredService<PublicLinks>(), Clock, NullLogger.Instance,
            TestContext.Current.CancellationToken);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            var service = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(PracticeReminderService));
            services.Remove(service);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(PickupDirectory))
        {
            Directory.Delete(PickupDirectory, recursive: true);
        }
    }
}

public sealed class PracticeRemindersTests(ReminderFactory factory) : IClassFixture<ReminderFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reminder_is_emailed_once_when_its_time_comes_and_never_after_it_is_turned_off()
    {
        var email = InnerAllyFactory.NewEmail();
        var client = await factory.ConfirmedApiClientAsync(email);
        var at = factory.Clock.GetUtcNow().AddMinutes(10);
        var everyDay = Weekdays.InOrder.Select(Weekdays.Id).ToArray();
        (await client.PostAsJsonAsync("/api/v1/practice-rhythm",
            new { practiceId = "soothing-touch", minutes = 3, days = everyDay, time = $"{at.Hour:00}:{at.Minute:00}" }, Cancel)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/v1/practice-rhythm/email-reminders", new { enabled = true }, Cancel)).StatusCode);
        var before = factory.Messages.Count;

        Assert.Equal(0, await factory.RunRemindersAsync());
        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await factory.RunRemindersAsync());
        Assert.Equal(0, await factory.RunRemindersAsync());

        var message = factory.Messages.Skip(before).Single(m => m.To.Mailboxes.Any(b => b.Address == email));
        Assert.Equal("A few minutes for you", message.Subject);
        Assert.Contains("Soothing touch, 3 minutes", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://innerally.example/practices/soothing-touch?minutes=3", message.TextBody, StringComparison.Ordinal);
        var rhythm = await client.GetFromJsonAsync<JsonElement>("/api/v1/practice-rhythm", Cancel);
        Assert.True(rhythm.GetProperty("emailAvailable").GetBoolean());
        Assert.True(rhythm.GetProperty("emailReminders").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync("/api/v1/practice-rhythm/email-reminders", new { enabled = false }, Cancel)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await factory.RunRemindersAsync());
    }

    [Fact]
    public async Task Reminders_missed_while_the_app_was_down_are_not_sent_late()
    {
        var client = await factory.ConfirmedApiClientAsync(InnerAllyFactory.NewEmail());
        var at = factory.Clock.GetUtcNow().AddMinutes(5);
        var everyDay = Weekdays.InOrder.Select(Weekdays.Id).ToArray();
        (await client.PostAsJsonAsync("/api/v1/practice-rhythm",
            new { practiceId = "safe-place", minutes = 5, days = everyDay, time = $"{at.Hour:00}:{at.Minute:00}" }, Cancel)).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("/api/v1/practice-rhythm/email-reminders", new { enabled = true }, Cancel)).EnsureSuccessStatusCode();
        await factory.RunRemindersAsync();

        factory.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(0, await factory.RunRemindersAsync());
    }

    [Fact]
    public async Task Enabled_must_be_given()
    {
        var client = await factory.ConfirmedApiClientAsync(InnerAllyFactory.NewEmail());

        var response = await client.PutAsJsonAsync("/api/v1/practice-rhythm/email-reminders", new { }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>Where a site sends no email, reminders cannot be turned on, and the page does not offer them.</summary>
public sealed class PracticeRemindersWithoutEmailTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    [Fact]
    public async Task Turning_on_is_400_and_the_page_offers_only_the_calendar()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var session = await PageBrowser.RegisterAsync(factory);

        var response = await client.PutAsJsonAsync("/api/v1/practice-rhythm/email-reminders", new { enabled = true }, TestContext.Current.CancellationToken);
        var page = await session.OpenAsync("/practices/rhythm");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(page.QuerySelector("form[action*='handler=Email']"));
        Assert.NotNull(page.QuerySelector("form[action*='handler=Feed']"));
    }
}

/// <summary>When a rhythm line falls, in the person's own time zone, across a change of the clocks.</summary>
public sealed class ReminderOccurrenceTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static PracticeRhythmItem Item(TimeOnly time, params DayOfWeek[] days) =>
        PracticeRhythmItem.Create(Guid.NewGuid(), "safe-place", 5, days, time, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new PracticeCatalog());

    [Fact]
    public void Monday_and_wednesday_at_0730_london_fall_an_hour_earlier_in_utc_once_summer_time_starts()
    {
        // UK clocks go forward at 01:00 UTC on Sunday 29 March 2026.
        var item = Item(new TimeOnly(7, 30), DayOfWeek.Monday, DayOfWeek.Wednesday);

        var winter = PracticeReminders.Occurrences(item, London, Utc(2026, 3, 22, 0, 0), Utc(2026, 3, 26, 0, 0)).ToList();
        var summer = PracticeReminders.Occurrences(item, London, Utc(2026, 3, 29, 0, 0), Utc(2026, 4, 1, 12, 0)).ToList();

        Assert.Equal([Utc(2026, 3, 23, 7, 30), Utc(2026, 3, 25, 7, 30)], winter);
        Assert.Equal([Utc(2026, 3, 30, 6, 30), Utc(2026, 4, 1, 6, 30)], summer);
    }

    [Fact]
    public void A_time_the_clocks_skip_happens_an_hour_later_and_the_window_ends_are_exclusive_then_inclusive()
    {
        var skipped = Item(new TimeOnly(1, 30), DayOfWeek.Sunday);
        var exact = Item(new TimeOnly(9, 0), DayOfWeek.Tuesday);

        Assert.Equal([Utc(2026, 3, 29, 1, 30)], PracticeReminders.Occurrences(skipped, London, Utc(2026, 3, 28, 0, 0), Utc(2026, 3, 30, 0, 0)));
        Assert.Empty(PracticeReminders.Occurrences(exact, London, Utc(2026, 1, 6, 9, 0), Utc(2026, 1, 6, 10, 0)));
        Assert.Equal([Utc(2026, 1, 6, 9, 0)], PracticeReminders.Occurrences(exact, London, Utc(2026, 1, 6, 8, 0), Utc(2026, 1, 6, 9, 0)));
    }

    private static DateTime Utc(int y, int mo, int d, int h, int mi) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);
}
