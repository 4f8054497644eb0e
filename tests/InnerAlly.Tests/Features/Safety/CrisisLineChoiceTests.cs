using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using InnerAlly.Features.Safety;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Safety;

/// <summary>
/// Which crisis lines come first on "Need help now?": the country the person chose, else the
/// region of their browser's language, else the worldwide directory, and every other line after.
/// </summary>
public sealed class CrisisLineChoiceTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private const string CountryForm = "main form[action*='handler=Country']";

    private async Task<IHtmlDocument> HelpAsync(string? acceptLanguage, PageBrowser? browser = null)
    {
        browser ??= new PageBrowser(factory.CreatePageClient());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/help");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var response = await browser.Client.SendAsync(request, PageBrowser.Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PageBrowser.ParseAsync(response);
    }

    private static string First(IHtmlDocument page) =>
        page.QuerySelector(".crisis-list > li.crisis-first")!.GetAttribute("data-country")!;

    private static List<string> Order(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".crisis-list > li").Select(li => li.GetAttribute("data-country")!)];

    [Theory]
    [InlineData("en-GB", "GB")]
    [InlineData("en-AU,en;q=0.9", "AU")]
    [InlineData("en-nz", "NZ")]
    [InlineData("fr-CA,fr;q=0.8", "CA")]
    [InlineData("ga-IE", "IE")]
    [InlineData("en;q=0.9, en-US;q=0.8", "US")]
    [InlineData("en-US;q=0.5, en-GB", "GB")]
    public async Task Without_a_chosen_country_the_browser_language_region_comes_first(string acceptLanguage, string expected)
    {
        var page = await HelpAsync(acceptLanguage);

        Assert.Equal(expected, First(page));
        var country = CrisisLines.Find(expected)!;
        Assert.Contains($"call {country.Emergency}.", page.QuerySelector(".panel-soft")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("because of your browser's language settings", page.QuerySelector("#first-because")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("en")]
    [InlineData("es-419")]
    [InlineData("de-DE,de;q=0.9,en-GB;q=0.8")]
    [InlineData("zh-Hant-TW")]
    public async Task Without_a_listed_region_the_worldwide_directory_comes_first(string? acceptLanguage)
    {
        var page = await HelpAsync(acceptLanguage);

        Assert.Equal("elsewhere", First(page));
        Assert.Equal("https://findahelpline.com", page.QuerySelector("li.crisis-first a")!.GetAttribute("href"));
        Assert.Contains("call your local emergency number.", page.QuerySelector(".panel-soft")!.TextContent, StringComparison.Ordinal);
        // Every listed country still follows, once each.
        string[] expected = ["elsewhere", .. CrisisLines.All.Countries.Select(c => c.Code)];
        Assert.Equal(expected, Order(page));
    }

    [Fact]
    public async Task The_first_country_is_not_listed_twice_and_the_worldwide_directory_comes_last()
    {
        var page = await HelpAsync("en-IE");

        string[] expected = ["IE", .. CrisisLines.All.Countries.Select(c => c.Code).Where(c => c != "IE"), "elsewhere"];
        Assert.Equal(expected, Order(page));
    }

    [Fact]
    public async Task The_country_in_a_persons_settings_comes_before_their_browser_language()
    {
        var browser = await PageBrowser.RegisterAsync(factory);
        await browser.SubmitAsync("/account", new Dictionary<string, string> { ["Preferences.Country"] = "NZ" }, CountryForm);

        var page = await HelpAsync("en-GB", browser);

        Assert.Equal("NZ", First(page));
        Assert.Contains("call 111.", page.QuerySelector(".panel-soft")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("the country in your settings", page.QuerySelector("#first-because")!.TextContent, StringComparison.Ordinal);
        var first = page.QuerySelector("li.crisis-first")!;
        string[] links = ["tel:1737", "sms:1737", "tel:0800543354"];
        Assert.Equal(links, first.QuerySelectorAll("a.button").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task A_chosen_country_without_lines_here_gets_the_worldwide_directory_not_a_guess_from_the_browser()
    {
        var browser = await PageBrowser.RegisterAsync(factory);
        await browser.SubmitAsync("/account", new Dictionary<string, string> { ["Preferences.Country"] = "DE" }, CountryForm);

        var page = await HelpAsync("en-US", browser);

        Assert.Equal("elsewhere", First(page));
        Assert.Contains("We do not list lines for the country in your settings yet", page.QuerySelector("li.crisis-first")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_person_without_a_country_is_told_where_to_choose_one()
    {
        var browser = await PageBrowser.RegisterAsync(factory);

        var page = await HelpAsync("en-AU", browser);

        Assert.Equal("AU", First(page));
        Assert.NotNull(page.QuerySelector("main a[href='/account#country-heading']"));
    }

    [Fact]
    public async Task Each_entry_shows_when_its_numbers_were_last_checked()
    {
        var page = await HelpAsync("en-GB");

        var entries = page.QuerySelectorAll(".crisis-list > li").ToList();
        Assert.Equal(CrisisLines.All.Countries.Count + 1, entries.Count);
        foreach (var entry in entries)
        {
            var code = entry.GetAttribute("data-country");
            var date = code == "elsewhere" ? CrisisLines.All.Elsewhere.LastVerified : CrisisLines.Find(code)!.LastVerified;
            Assert.Contains($"Last checked on {date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.", entry.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_listed_country_is_a_country_a_person_can_choose()
    {
        foreach (var country in CrisisLines.All.Countries)
        {
            Assert.Equal(country.Code, Countries.Normalize(country.Code));
            Assert.Equal(Countries.Find(country.Code)!.Name, country.Name);
        }
    }
}
