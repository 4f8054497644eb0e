using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Features.Account;

namespace InnerAlly.Tests.Features.Practices;

/// <summary>
/// "What helps me": averages of after minus before, only once a practice has 3 rated sessions;
/// and this month's minutes and days, on a clock set to the middle of a month.
/// </summary>
public sealed class PracticeInsightsTests : IClassFixture<ClockFactory>
{
    private readonly ClockFactory _factory;
    private readonly DateTimeOffset _now;

    public PracticeInsightsTests(ClockFactory factory)
    {
        _factory = factory;
        // Move the clock to 12:00 UTC on the 15th of next month, so every session below is in one month.
        var current = factory.Clock.GetUtcNow();
        if (current.Day != 15 || current.Hour != 12)
        {
            var target = new DateTimeOffset(current.Year, current.Month, 15, 12, 0, 0, TimeSpan.Zero).AddMonths(1);
            factory.Clock.Advance(target - current);
        }

        _now = factory.Clock.GetUtcNow();
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Averages_appear_after_three_rated_sessions_and_are_after_minus_before()
    {
        var client = await _factory.CreateClientForNewPersonAsync();
        // Soothing touch: soothe 2->4, 3->6, 4->5 (+2, +3, +1: average +2.0); threat 7->6, 8->6, 5->5 (-1, -2, 0: average -1.0).
        await LogAsync(client, "soothing-touch", 60, 300, (7, 2), (6, 4));
        await LogAsync(client, "soothing-touch", 120, 300, (8, 3), (6, 6));
        await LogAsync(client, "soothing-touch", 24 * 60, 600, (5, 4), (5, 5));
        // Safe place: two rated sessions and one unrated; not enough for averages yet.
        await LogAsync(client, "safe-place", 30, 180, (6, 3), (5, 5));
        await LogAsync(client, "safe-place", 3 * 24 * 60, 180, (6, 3), (4, 6));
        await LogAsync(client, "safe-place", 3 * 24 * 60 + 60, 240, null, null);

        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/practice-insights", Cancel);

        var items = body.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("practiceId").GetString()!);
        var touch = items["soothing-touch"];
        Assert.Equal(3, touch.GetProperty("sessions").GetInt32());
        Assert.Equal(3, touch.GetProperty("ratedSessions").GetInt32());
        Assert.Equal(2.0, touch.GetProperty("averageSootheChange").GetDouble());
        Assert.Equal(-1.0, touch.GetProperty("averageThreatChange").GetDouble());
        var place = items["safe-place"];
        Assert.Equal(3, place.GetProperty("sessions").GetInt32());
        Assert.Equal(2, place.GetProperty("ratedSessions").GetInt32());
        Assert.Equal(JsonValueKind.Null, place.GetProperty("averageSootheChange").ValueKind);
        Assert.Equal(JsonValueKind.Null, place.GetProperty("averageThreatChange").ValueKind);
        Assert.Equal(3, body.GetProperty("minimumRatedSessions").GetInt32());

        // 300 + 300 + 600 + 180 + 180 + 240 = 1,800 s = 30 minutes, on 3 different days (today, yesterday, 3 days ago).
        var month = body.GetProperty("thisMonth");
        Assert.Equal(30, month.GetProperty("minutes").GetInt32());
        Assert.Equal(3, month.GetProperty("days").GetInt32());
        Assert.Equal(6, month.GetProperty("sessions").GetInt32());
        Assert.Equal(_now.Month, month.GetProperty("monthNumber").GetInt32());
    }

    [Fact]
    public async Task Nobody_elses_sessions_count()
    {
        var mine = await _factory.CreateClientForNewPersonAsync();
        var theirs = await _factory.CreateClientForNewPersonAsync();
        await LogAsync(theirs, "safe-place", 10, 300, (5, 5), (4, 6));

        var body = await mine.GetFromJsonAsync<JsonElement>("/api/v1/practice-insights", Cancel);

        Assert.Equal(0, body.GetProperty("items").GetArrayLength());
        Assert.Equal(0, body.GetProperty("thisMonth").GetProperty("minutes").GetInt32());
    }

    private async Task LogAsync(HttpClient client, string practiceId, int minutesAgo, int seconds, (int Threat, int Soothe)? before, (int Threat, int Soothe)? after)
    {
        var response = await client.PostAsJsonAsync("/api/v1/practice-sessions", new
        {
            practiceId,
            startedAt = _now.AddMinutes(-minutesAgo).ToString("O", CultureInfo.InvariantCulture),
            durationSeconds = seconds,
            before = before is { } b ? new { threat = b.Threat, soothe = b.Soothe } : null,
            after = after is { } a ? new { threat = a.Threat, soothe = a.Soothe } : null,
        }, Cancel);
        response.EnsureSuccessStatusCode();
    }
}
