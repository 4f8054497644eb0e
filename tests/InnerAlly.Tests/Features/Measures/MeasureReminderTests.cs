using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Features.Calendar;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Measures;

/// <summary>"Remind me every N weeks" travels in the person's calendar feed.</summary>
public sealed class MeasureReminderTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reminder_every_2_weeks_appears_in_the_calendar_feed_and_can_be_stopped()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        await RecordResponseApiTests.PostAsync(client, "phq9", RecordResponseApiTests.Phq9(1, 1, 1, 1, 1, 1, 1, 1, 0));

        var set = await client.PutAsJsonAsync("/api/v1/instruments/phq9/reminder", new { everyWeeks = 2, time = "18:30" }, Cancel);
        var feed = await (await client.PostAsync("/api/v1/practice-rhythm/calendar-feed", null, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var calendar = await factory.CreateClient().GetStringAsync(new Uri(feed.GetProperty("url").GetString()!).PathAndQuery, Cancel);

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Contains("RRULE:FREQ=WEEKLY;INTERVAL=2", calendar, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:A few minutes for the PHQ-9", calendar, StringComparison.Ordinal);
        // Two weeks after today's response, at 18:30 (the person's zone is UTC until they choose one).
        Assert.Contains($"DTSTART:{DateTime.UtcNow.Date.AddDays(14):yyyyMMdd}T183000Z", calendar, StringComparison.Ordinal);
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/v1/instruments/phq9/reminder", Cancel)).GetProperty("everyWeeks").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/instruments/phq9/reminder", Cancel)).StatusCode);
        var after = await factory.CreateClient().GetStringAsync(new Uri(feed.GetProperty("url").GetString()!).PathAndQuery, Cancel);
        Assert.DoesNotContain("PHQ-9", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/instruments/phq9/reminder", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Calendar_event_ids_say_nothing_about_the_account_and_stay_the_same_between_reads()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        await client.PutAsJsonAsync("/api/v1/instruments/phq9/reminder", new { everyWeeks = 2, time = "18:30" }, Cancel);
        await client.PostAsJsonAsync("/api/v1/practice-rhythm", new { practiceId = "soothing-touch", minutes = 3, days = new[] { "monday" }, time = "08:00" }, Cancel);
        var feed = await (await client.PostAsync("/api/v1/practice-rhythm/calendar-feed", null, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var path = new Uri(feed.GetProperty("url").GetString()!).PathAndQuery;
        var export = await client.GetFromJsonAsync<JsonElement>("/api/v1/account/export", Cancel);
        var accountId = factory.WithDb(db => db.Users.Single(u => u.Email == export.GetProperty("account").GetProperty("email").GetString()).Id);

        var first = await factory.CreateClient().GetStringAsync(path, Cancel);
        var second = await factory.CreateClient().GetStringAsync(path, Cancel);

        var uids = first.Split("\r\n").Where(l => l.StartsWith("UID:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, uids.Count);
        foreach (var uid in uids)
        {
            Assert.DoesNotContain(accountId.ToString(), uid, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(accountId.ToString("N"), uid, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("phq9", uid, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(uids, second.Split("\r\n").Where(l => l.StartsWith("UID:", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("""{"everyWeeks": 0}""", "everyWeeks")]
    [InlineData("""{"everyWeeks": 13}""", "everyWeeks")]
    [InlineData("""{"everyWeeks": 2, "time": "25:00"}""", "time")]
    public async Task Weeks_outside_1_to_12_and_a_bad_time_are_400(string json, string field)
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.PutAsync("/api/v1/instruments/phq9/reminder", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty(field, out _));
    }

    /// <summary>Weeks and time as the page's form sends them (null leaves the form's own value).</summary>
    [Theory]
    [InlineData("3", "19:15", null, null)]
    [InlineData("1", "7:05", null, null)]
    [InlineData("3", "25:00", "time", CalendarTime.Hint)]
    [InlineData("13", "19:15", "everyWeeks", "Choose how often, from every week to every 12 weeks.")]
    [InlineData("0", "19:15", "everyWeeks", "Choose how often, from every week to every 12 weeks.")]
    public async Task The_page_and_the_API_set_the_same_reminder_and_both_make_a_calendar_address(string weeks, string time, string? field, string? message)
    {
        var apiEmail = InnerAllyFactory.NewEmail();
        var api = await factory.CreateClientForNewPersonAsync(apiEmail);
        var pageEmail = InnerAllyFactory.NewEmail();
        var page = await PageBrowser.RegisterAsync(factory, pageEmail);

        var fromApi = await api.PutAsync(
            "/api/v1/instruments/phq9/reminder", new StringContent($$"""{"everyWeeks": {{weeks}}, "time": "{{time}}"}""", System.Text.Encoding.UTF8, "application/json"), Cancel);
        var fromPage = await page.SubmitAsync("/measures/phq9/history", [new("Input.EveryWeeks", weeks), new("Input.Time", time)], "main form[action*=Reminder]");

        (int Weeks, TimeOnly Time)? Stored(string? email) => factory.WithDb(db =>
            db.MeasureReminders.Where(r => r.InstrumentCode == "phq9" && db.Users.Any(u => u.Id == r.UserId && u.Email == email))
                .Select(r => new { r.EveryWeeks, r.TimeOfDay }).AsEnumerable().Select(r => ((int, TimeOnly)?)(r.EveryWeeks, r.TimeOfDay)).SingleOrDefault());
        bool HasFeed(string? email) => factory.WithDb(db => db.CalendarFeeds.Any(f => db.Users.Any(u => u.Id == f.UserId && u.Email == email)));

        Assert.Equal(Stored(apiEmail), Stored(pageEmail));
        Assert.Equal(HasFeed(apiEmail), HasFeed(pageEmail));
        if (field is null)
        {
            Assert.Equal(HttpStatusCode.OK, fromApi.StatusCode);
            PageBrowser.AssertRedirectsTo(fromPage, "/measures/phq9/history");
            Assert.NotNull(Stored(pageEmail));
            Assert.True(HasFeed(pageEmail));
            var body = await fromApi.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            Assert.Contains("/calendar/", body.GetProperty("calendarFeed").GetProperty("url").GetString(), StringComparison.Ordinal);
            Assert.Equal(time.PadLeft(5, '0'), body.GetProperty("time").GetString());
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, fromApi.StatusCode);
            var errors = (await fromApi.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
            Assert.Equal([message], errors.GetProperty(field).EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(HttpStatusCode.OK, fromPage.StatusCode);
            var shown = await PageBrowser.ParseAsync(fromPage);
            var id = field == "time" ? "#time-error" : "#every-weeks-error";
            Assert.Equal(message, shown.QuerySelector(id)?.TextContent);
            Assert.Null(Stored(pageEmail));
            Assert.False(HasFeed(pageEmail));
        }
    }
}
