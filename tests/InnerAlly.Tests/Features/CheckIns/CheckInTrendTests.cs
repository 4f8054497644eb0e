using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Features.CheckIns;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.CheckIns;

public sealed class CheckInTrendTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    [Fact]
    public void Midnight_that_a_clock_change_skips_becomes_the_first_real_moment()
    {
        // Santiago moved its clocks from 00:00 to 01:00 on 7 September 2025, so that midnight never happened.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

        var start = CheckInTrend.StartOfDayUtc(new DateOnly(2025, 9, 7), santiago);

        Assert.Equal(new DateTime(2025, 9, 7, 4, 0, 0, DateTimeKind.Utc), start);
    }

    [Fact]
    public void Ordinary_midnight_converts_with_the_zone_offset()
    {
        var auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");

        // NZDT is UTC+13 in late November.
        Assert.Equal(new DateTime(2026, 11, 24, 11, 0, 0, DateTimeKind.Utc), CheckInTrend.StartOfDayUtc(new DateOnly(2026, 11, 25), auckland));
    }

    [Fact]
    public async Task Trend_api_gives_daily_means_and_rejects_other_ranges()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 7, drive = 2, soothe = 1 }, TestContext.Current.CancellationToken);
        await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 4, drive = 4, soothe = 4 }, TestContext.Current.CancellationToken);

        var trend = await client.GetFromJsonAsync<JsonElement>("/api/v1/check-ins/trend?days=7", TestContext.Current.CancellationToken);

        Assert.Equal(7, trend.GetProperty("days").GetInt32());
        Assert.Equal("UTC", trend.GetProperty("timeZone").GetString());
        Assert.Equal(2, trend.GetProperty("checkIns").GetInt32());
        Assert.Equal(5.5, trend.GetProperty("threat").GetDouble());
        Assert.Equal(3.0, trend.GetProperty("drive").GetDouble());
        Assert.Equal(2.5, trend.GetProperty("soothe").GetDouble());
        var series = trend.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(7, series.Count);
        Assert.Equal(2, series[^1].GetProperty("checkIns").GetInt32());
        Assert.All(series.Take(6), d => Assert.Equal(JsonValueKind.Null, d.GetProperty("threat").ValueKind));

        var bad = await client.GetAsync("/api/v1/check-ins/trend?days=14", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").TryGetProperty("days", out _));
    }
}
