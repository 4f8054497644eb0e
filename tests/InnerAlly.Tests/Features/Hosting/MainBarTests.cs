using AngleSharp.Html.Dom;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Hosting;

/// <summary>
/// The main bar: at most five places (the rest under "More", a &lt;details&gt; that opens without
/// JavaScript), the current place marked, and "Need help now?" in the top bar on every page.
/// </summary>
public sealed class MainBarTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static KeyValuePair<string, string> Field(string name, object value) => new(name, value.ToString()!);

    private static string[] Places(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("nav.mainnav > ul > li").Select(li => (li.QuerySelector(":scope > a, :scope > details > summary")?.TextContent ?? "").Trim())];

    private static string? Marked(IHtmlDocument page) =>
        page.QuerySelector("nav.mainnav > ul > li > a[aria-current=page]")?.TextContent.Trim()
        ?? (page.QuerySelector("nav.mainnav summary.is-current") is { } more ? more.TextContent.Trim() : null);

    [Fact]
    public async Task Signed_in_bar_has_five_places_with_the_rest_under_more()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var page = await session.OpenAsync("/");

        Assert.Equal(["Home", "Check in", "Practise", "Write", "More"], Places(page));
        var more = page.QuerySelector("nav.mainnav details")!;
        Assert.Null(more.GetAttribute("open"));
        var underMore = more.QuerySelectorAll(".more-list a").Select(a => a.GetAttribute("href")).ToArray();
        Assert.Contains("/learn", underMore);
        Assert.Contains("/measures", underMore);
        Assert.Contains("/account", underMore);
        Assert.DoesNotContain("/ally-cards", underMore);
        Assert.NotNull(more.QuerySelector("form[action='/account/logout'] button"));
        Assert.Null(page.QuerySelector("nav.mainnav a[href='/ally-cards']"));
    }

    [Theory]
    [InlineData("/", "Home")]
    [InlineData("/check-ins/new", "Check in")]
    [InlineData("/check-ins", "Check in")]
    [InlineData("/practices/soothing-rhythm-breathing", "Practise")]
    [InlineData("/ally-cards", "Write")]
    [InlineData("/letters/new", "Write")]
    [InlineData("/learn", "More")]
    [InlineData("/measures", "More")]
    [InlineData("/account", "More")]
    public async Task Bar_marks_the_place_each_page_belongs_to(string url, string place)
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var page = await session.OpenAsync(url);

        Assert.Equal(place, Marked(page));
        Assert.Single(page.QuerySelectorAll("nav.mainnav > ul > li > a[aria-current=page], nav.mainnav summary.is-current"));
    }

    [Fact]
    public async Task After_saving_a_check_in_the_bar_marks_check_in()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        var saved = await session.SubmitAsync("/check-ins/new", [Field("Input.Threat", 4), Field("Input.Drive", 5), Field("Input.Soothe", 6)]);

        var page = await session.OpenAsync(saved.Headers.Location!.OriginalString);

        Assert.Equal("Check in", Marked(page));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/help")]
    public async Task Signed_out_pages_have_help_in_the_top_bar_and_three_places(string url)
    {
        var page = await new PageBrowser(factory.CreatePageClient()).OpenAsync(url);

        Assert.NotNull(page.QuerySelector("header.topbar a.help-link[href='/help']"));
        Assert.Equal(["Welcome", "Sign in", "Create account"], Places(page));
    }

    [Fact]
    public async Task On_the_help_page_need_help_now_is_marked_current()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var page = await session.OpenAsync("/help");

        Assert.Equal("page", page.QuerySelector("header.topbar a.help-link")!.GetAttribute("aria-current"));
        Assert.Null(Marked(page));
    }
}
