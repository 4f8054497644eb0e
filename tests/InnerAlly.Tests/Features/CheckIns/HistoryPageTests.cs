using System.Net;
using System.Net.Http.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.CheckIns;

public sealed class HistoryPageTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    [Fact]
    public async Task Empty_history_invites_a_first_check_in()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var (response, page) = await session.GetAsync("/check-ins");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector(".empty-state a[href='/check-ins/new']"));
        Assert.Null(page.QuerySelector("svg.trend"));
    }

    [Fact]
    public async Task History_shows_the_trend_with_a_table_alternative_and_the_list()
    {
        var email = InnerAllyFactory.NewEmail();
        var session = await PageBrowser.RegisterAsync(factory, email);
        var api = factory.CreateClient();
        var login = await api.PostAsJsonAsync("/api/v1/account/login", new { email, password = InnerAllyFactory.GoodPassword }, TestContext.Current.CancellationToken);
        var token = (await login.Content.ReadFromJsonAsync<InnerAllyFactory.TokenResponse>(TestContext.Current.CancellationToken))!.AccessToken;
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await api.PostAsJsonAsync("/api/v1/check-ins", new { threat = 6, drive = 4, soothe = 2 }, TestContext.Current.CancellationToken);
        await api.PostAsJsonAsync("/api/v1/check-ins", new { threat = 4, drive = 4, soothe = 4, note = "A calmer afternoon." }, TestContext.Current.CancellationToken);

        foreach (var days in new[] { 7, 30, 90 })
        {
            var (response, page) = await session.GetAsync($"/check-ins?days={days}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var svg = page.QuerySelector("svg.trend")!;
            Assert.Equal("img", svg.GetAttribute("role"));
            Assert.Contains($"last {days} days", svg.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("checked in 2 times on 1 day", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("threat was 5.0, drive 4.0 and soothe 3.0", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("page", page.QuerySelector($".range-tabs a[href='/check-ins?days={days}']")!.GetAttribute("aria-current"));
            var row = page.QuerySelector("details table tbody tr")!;
            Assert.Equal(["5", "4", "3", "2"], row.QuerySelectorAll("td").Select(td => td.TextContent));
            Assert.Equal(2, page.QuerySelectorAll(".history li").Length);
            Assert.Contains("A calmer afternoon.", page.QuerySelector(".history")!.TextContent, StringComparison.Ordinal);
        }
    }

    /// <summary>Issue 15: over 30 and 90 days the line is a 7-day average; a person can switch to the days themselves.</summary>
    [Fact]
    public async Task Over_30_days_a_person_can_switch_to_plain_daily_lines_and_the_choice_follows_the_range_links()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        await session.SubmitAsync("/check-ins/new", [new("Input.Threat", "6"), new("Input.Drive", "4"), new("Input.Soothe", "2")]);

        var averaged = await session.OpenAsync("/check-ins?days=30");
        var daily = await session.OpenAsync("/check-ins?days=30&lines=daily");
        var week = await session.OpenAsync("/check-ins?days=7");

        var switchLinks = "nav[aria-label='How the lines are drawn'] a";
        Assert.Equal("7-day average", averaged.QuerySelector($"{switchLinks}[aria-current=page]")!.TextContent);
        Assert.NotNull(averaged.QuerySelector("svg.trend .day-point"));
        Assert.Equal("Each day", daily.QuerySelector($"{switchLinks}[aria-current=page]")!.TextContent);
        Assert.Null(daily.QuerySelector("svg.trend .day-point"));
        Assert.Contains("Each point is the average for that day.", daily.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(daily.QuerySelector("nav[aria-label='Time range'] a[href='/check-ins?days=90&lines=daily']"));
        Assert.Null(week.QuerySelector(switchLinks));
    }

    [Theory]
    [InlineData("/check-ins?days=12")]
    [InlineData("/check-ins?after=not-a-cursor")]
    public async Task Unusable_range_or_position_goes_back_to_the_newest(string url)
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var response = await session.Client.GetAsync(url, TestContext.Current.CancellationToken);

        PageBrowser.AssertRedirectsTo(response, "/check-ins");
    }

    [Fact]
    public async Task Long_history_pages_with_a_link_to_earlier_check_ins()
    {
        var email = InnerAllyFactory.NewEmail();
        var session = await PageBrowser.RegisterAsync(factory, email);
        var api = factory.CreateClient();
        var login = await api.PostAsJsonAsync("/api/v1/account/login", new { email, password = InnerAllyFactory.GoodPassword }, TestContext.Current.CancellationToken);
        api.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<InnerAllyFactory.TokenResponse>(TestContext.Current.CancellationToken))!.AccessToken);
        for (var i = 0; i < 25; i++)
        {
            await api.PostAsJsonAsync("/api/v1/check-ins", new { threat = i % 11, drive = 1, soothe = 1 }, TestContext.Current.CancellationToken);
        }

        var (_, first) = await session.GetAsync("/check-ins");
        Assert.Equal(20, first.QuerySelectorAll(".history li").Length);
        var earlier = first.QuerySelector("a[href*='after=']")!.GetAttribute("href")!;
        var (_, second) = await session.GetAsync(earlier);

        Assert.Equal(5, second.QuerySelectorAll(".history li").Length);
        Assert.Null(second.QuerySelector("a[href*='after=']"));
        var firstIds = first.QuerySelectorAll(".history a").Select(a => a.GetAttribute("href"));
        var secondIds = second.QuerySelectorAll(".history a").Select(a => a.GetAttribute("href"));
        Assert.Empty(firstIds.Intersect(secondIds));
    }
}
