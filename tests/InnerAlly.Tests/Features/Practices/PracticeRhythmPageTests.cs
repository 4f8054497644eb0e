using System.Net;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Practices;

public sealed class PracticeRhythmPageTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    [Fact]
    public async Task A_practice_added_on_the_page_shows_in_the_week_and_can_be_taken_out()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var added = await session.SubmitAsync("/practices/rhythm",
        [
            Field("Input.PracticeId", "safe-place"),
            Field("Input.Minutes", "10"),
            Field("Input.Days", "tuesday"),
            Field("Input.Days", "thursday"),
            Field("Input.Time", "19:45"),
        ], "main form[action*='handler=Add']");

        PageBrowser.AssertRedirectsTo(added, "/practices/rhythm");
        var page = await session.OpenAsync("/practices/rhythm");
        var item = page.QuerySelector(".rhythm-list li")!;
        Assert.Contains("Safe place", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tuesday, Thursday at 19:45", item.TextContent, StringComparison.Ordinal);
        Assert.Equal("Added to your week.", page.QuerySelector(".form-message")!.TextContent);

        var removed = await session.SubmitAsync("/practices/rhythm", [], "main form[action*='handler=Remove']");

        PageBrowser.AssertRedirectsTo(removed, "/practices/rhythm");
        Assert.Null((await session.OpenAsync("/practices/rhythm")).QuerySelector(".rhythm-list"));
    }

    [Fact]
    public async Task Without_a_day_the_page_says_so_beside_the_days_and_keeps_the_choices()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var response = await session.SubmitAsync("/practices/rhythm",
            [Field("Input.PracticeId", "mindful-noticing"), Field("Input.Time", "06:10")], "main form[action*='handler=Add']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageBrowser.ParseAsync(response);
        Assert.Equal("Choose at least one day.", page.QuerySelector("#days-error")!.TextContent);
        Assert.Equal("06:10", page.QuerySelector("#time")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#practice option[value='mindful-noticing'][selected]"));
    }

    [Fact]
    public async Task The_calendar_address_is_made_shown_renewed_and_turned_off_on_the_page()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        await session.SubmitAsync("/practices/rhythm", [], "main form[action*='handler=Feed']");
        var first = (await session.OpenAsync("/practices/rhythm")).QuerySelector("#feed-url")!.GetAttribute("value")!;
        await session.SubmitAsync("/practices/rhythm", [], "main form[action*='handler=Feed']");
        var second = (await session.OpenAsync("/practices/rhythm")).QuerySelector("#feed-url")!.GetAttribute("value")!;
        var anonymous = factory.CreateClient();

        Assert.Matches("^http://localhost/calendar/[A-Za-z0-9_-]{43}\\.ics$", first);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(first).PathAndQuery, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(second).PathAndQuery, TestContext.Current.CancellationToken)).StatusCode);

        await session.SubmitAsync("/practices/rhythm", [], "main form[action*='handler=StopFeed']");

        Assert.Null((await session.OpenAsync("/practices/rhythm")).QuerySelector("#feed-url"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(second).PathAndQuery, TestContext.Current.CancellationToken)).StatusCode);
    }
}
