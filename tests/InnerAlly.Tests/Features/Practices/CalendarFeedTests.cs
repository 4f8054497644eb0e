using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Practices;

/// <summary>The weekly rhythm as an iCalendar feed at a secret, revocable address any calendar app can subscribe to.</summary>
public sealed class CalendarFeedTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_feed_repeats_each_practice_weekly_at_its_local_time()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        (await client.PutAsJsonAsync("/api/v1/account/preferences", new { timeZone = "Europe/London" }, Cancel)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/practice-rhythm",
            new { practiceId = "soothing-rhythm-breathing", minutes = 5, days = new[] { "monday", "wednesday", "friday" }, time = "07:30" }, Cancel)).EnsureSuccessStatusCode();
        var url = await NewFeedAsync(client);

        var response = await factory.CreateClient().GetAsync(url, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        var calendar = Calendar.Load(text)!;
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal("Soothing rhythm breathing, 5 minutes", calendarEvent.Summary);
        Assert.Equal("Europe/London", calendarEvent.DtStart!.TzId);
        Assert.Equal(new TimeOnly(7, 30), TimeOnly.FromTimeSpan(calendarEvent.DtStart.Value.TimeOfDay));
        Assert.Contains(calendarEvent.DtStart.DayOfWeek, new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday });
        Assert.Contains("RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VALARM", text, StringComparison.Ordinal);
        Assert.Contains("/practices/soothing-rhythm-breathing?minutes=5", calendarEvent.Url!.ToString(), StringComparison.Ordinal);
        // The next week's Monday, Wednesday and Friday all fall at 07:30 London time.
        var from = calendarEvent.DtStart.AddDays(7);
        var next = calendarEvent.GetOccurrences(from).Take(3).ToList();
        Assert.Equal(3, next.Select(o => o.Period.StartTime.DayOfWeek).Distinct().Count());
        Assert.All(next, o => Assert.Equal(new TimeSpan(7, 30, 0), o.Period.StartTime.Value.TimeOfDay));
    }

    [Fact]
    public async Task A_new_address_stops_the_old_one_and_turning_it_off_stops_both()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var anonymous = factory.CreateClient();
        var first = await NewFeedAsync(client);
        var second = await NewFeedAsync(client);

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(first, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(second, Cancel)).StatusCode);
        var rhythm = await client.GetFromJsonAsync<JsonElement>("/api/v1/practice-rhythm", Cancel);
        Assert.Equal(second, new Uri(rhythm.GetProperty("calendarFeed").GetProperty("url").GetString()!).PathAndQuery);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/practice-rhythm/calendar-feed", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(second, Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_made_up_address_is_404_and_the_secret_is_not_stored_in_the_clear()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var url = await NewFeedAsync(client);
        var token = url["/calendar/".Length..^".ics".Length];

        var guessed = await factory.CreateClient().GetAsync("/calendar/not-a-real-secret.ics", Cancel);
        var rows = await factory.Database.QueryAsync("""SELECT "TokenHash", "Token" FROM "CalendarFeeds" """, r => (Hash: r.GetString(0), Token: (byte[])r.GetValue(1)), cancellationToken: Cancel);

        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.True(token.Length >= 43, token);
        Assert.DoesNotContain(rows, r => r.Hash.Contains(token, StringComparison.Ordinal) || System.Text.Encoding.Latin1.GetString(r.Token).Contains(token, StringComparison.Ordinal));
    }

    private static async Task<string> NewFeedAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/v1/practice-rhythm/calendar-feed", null, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        return new Uri(body.GetProperty("url").GetString()!).PathAndQuery;
    }
}
