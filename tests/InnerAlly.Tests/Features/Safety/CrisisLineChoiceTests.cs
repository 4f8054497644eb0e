using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using InnerAlly.Features.Safety;
using InnerAlly.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Features.Safety;

/// <summary>
/// Which crisis lines come first on "Need help now?": the country in the person's settings, else
/// the one they chose on this device, else none, and the page asks once where they are. The
/// browser's language is never a guess (issue 15: en-US is everywhere). Every other line follows.
/// </summary>
public sealed class CrisisLineChoiceTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private CrisisLines Lines => factory.Services.GetRequiredService<CrisisLines>();

    private Countries Countries => factory.Services.GetRequiredService<Countries>();


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

    /// <summary>Answers the help page's question, as a person would.</summary>
    private static async Task<HttpResponseMessage> ChooseAsync(PageBrowser browser, string country) =>
        await browser.SubmitAsync("/help", new Dictionary<string, string> { ["Country"] = country }, CountryForm);

    private static string First(IHtmlDocument page) =>
        page.QuerySelector(".crisis-list > li.crisis-first")!.GetAttribute("data-country")!;

    private static List<string> Order(IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".crisis-list > li").Select(li => li.GetAttribute("data-country")!)];

    [Theory]
    [InlineData(null)]
    [InlineData("en-US")]
    [InlineData("en-GB")]
    [InlineData("de-DE,de;q=0.9,en-GB;q=0.8")]
    public async Task The_browser_language_is_never_a_guess_so_the_page_asks_where_you_are(string? acceptLanguage)
    {
        var page = await HelpAsync(acceptLanguage);

        Assert.Equal("elsewhere", First(page));
        Assert.NotNull(page.QuerySelector("#where select[name=Country]"));
        Assert.Equal("https://findahelpline.com", page.QuerySelector("li.crisis-first a")!.GetAttribute("href"));
        Assert.Contains("call your local emergency number.", page.QuerySelector(".panel-soft")!.TextContent, StringComparison.Ordinal);
        string[] expected = ["elsewhere", .. Lines.All.Countries.Select(c => c.Code)];
        Assert.Equal(expected, Order(page));
    }

    [Fact]
    public async Task A_signed_out_persons_answer_is_remembered_on_this_device_and_not_asked_again()
    {
        var browser = new PageBrowser(factory.CreatePageClient());

        var response = await ChooseAsync(browser, "AU");
        var page = await HelpAsync("en-US", browser);

        PageBrowser.AssertRedirectsTo(response, "/help");
        Assert.Contains(CrisisLines.CountryCookie + "=AU", string.Join(";", response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Contains("httponly", string.Join(";", response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("AU", First(page));
        Assert.Contains("call 000.", page.QuerySelector(".panel-soft")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("because you chose it on this device", page.QuerySelector("#first-because")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#where"));
        Assert.NotNull(page.QuerySelector("#change-country select[name=Country] option[value=AU][selected]"));
    }

    [Fact]
    public async Task A_signed_in_persons_answer_is_kept_in_their_account()
    {
        var email = InnerAllyFactory.NewEmail();
        var browser = await PageBrowser.RegisterAsync(factory, email);

        await ChooseAsync(browser, "NZ");
        var account = await browser.OpenAsync("/account");
        var elsewhere = await PageBrowser.SignInAsync(factory, email);

        Assert.NotNull(account.QuerySelector("select[name='Preferences.Country'] option[value=NZ][selected]"));
        var page = await HelpAsync(null, elsewhere);
        Assert.Equal("NZ", First(page));
        Assert.Contains("the country in your settings", page.QuerySelector("#first-because")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("")]
    public async Task An_answer_that_is_not_a_country_gets_a_message_beside_the_field(string country)
    {
        var browser = new PageBrowser(factory.CreatePageClient());

        var response = await ChooseAsync(browser, country);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageBrowser.ParseAsync(response);
        Assert.Contains("Choose a country from the list", page.QuerySelector("#help-country-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#help-country")!.GetAttribute("aria-invalid"));
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(CrisisLines.CountryCookie, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_first_country_is_not_listed_twice_and_the_worldwide_directory_comes_last()
    {
        var browser = new PageBrowser(factory.CreatePageClient());
        await ChooseAsync(browser, "IE");

        var page = await HelpAsync(null, browser);

        string[] expected = ["IE", .. Lines.All.Countries.Select(c => c.Code).Where(c => c != "IE"), "elsewhere"];
        Assert.Equal(expected, Order(page));
    }

    [Fact]
    public async Task The_country_in_a_persons_settings_comes_before_the_one_chosen_on_the_device()
    {
        var browser = await PageBrowser.RegisterAsync(factory);
        await ChooseAsync(browser, "GB");
        await browser.SubmitAsync("/account", new Dictionary<string, string> { ["Preferences.Country"] = "NZ" }, CountryForm);

        var page = await HelpAsync("en-GB", browser);

        Assert.Equal("NZ", First(page));
        Assert.Contains("call 111.", page.QuerySelector(".panel-soft")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("the country in your settings", page.QuerySelector("#first-because")!.TextContent, StringComparison.Ordinal);
        var first = page.QuerySelector("li.crisis-first")!;
        string[] links = ["tel:1737", "sms:1737", "tel:0800543354", "tel:0800376633"];
        Assert.Equal(links, first.QuerySelectorAll("a.button").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task A_chosen_country_without_lines_here_gets_its_emergency_number_and_the_worldwide_directory()
    {
        var browser = await PageBrowser.RegisterAsync(factory);
        await browser.SubmitAsync("/account", new Dictionary<string, string> { ["Preferences.Country"] = "DK" }, CountryForm);

        var page = await HelpAsync("en-US", browser);

        Assert.Equal("elsewhere", First(page));
        Assert.Contains("We do not list lines for Denmark yet", page.QuerySelector("li.crisis-first")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("call 112.", page.QuerySelector(".panel-soft")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DE", "Germany", "112", "tel:08001110111")]
    [InlineData("FR", "France", "112", "tel:3114")]
    [InlineData("ES", "Spain", "112", "tel:024")]
    [InlineData("JP", "Japan", "119 (ambulance) or 110 (police)", "tel:0120279338")]
    [InlineData("IN", "India", "112", "tel:14416")]
    [InlineData("BR", "Brazil", "192 (ambulance) or 190 (police)", "tel:188")]
    [InlineData("ZA", "South Africa", "10111 (police), 10177 (ambulance), or 112 from a mobile", "sms:31393")]
    public async Task A_country_added_in_december_comes_first_with_its_own_lines_and_emergency_number(string code, string name, string emergency, string link)
    {
        var browser = new PageBrowser(factory.CreatePageClient());
        await ChooseAsync(browser, code);

        var page = await HelpAsync("en-US", browser);

        Assert.Equal(code, First(page));
        var first = page.QuerySelector("li.crisis-first")!;
        Assert.Contains(name, first.QuerySelector(".country")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"call {emergency}.", page.QuerySelector(".panel-soft")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(link, first.QuerySelectorAll("a.button").Select(a => a.GetAttribute("href")));
        Assert.Contains("Last checked on 4 December 2026.", first.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("We do not list lines", first.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_listed_country_once_chosen_comes_first_with_every_one_of_its_lines()
    {
        Assert.True(Lines.All.Countries.Count >= 26, "Issue 15 asks for lines for at least 20 more countries than the first six.");
        foreach (var country in Lines.All.Countries)
        {
            var browser = new PageBrowser(factory.CreatePageClient());
            await ChooseAsync(browser, country.Code);

            var page = await HelpAsync(null, browser);

            Assert.Equal(country.Code, First(page));
            var first = page.QuerySelector("li.crisis-first")!;
            string[] links = [.. country.Lines.SelectMany(l => new[] { l.CallHref, l.TextHref }).OfType<string>()];
            Assert.Equal(links, first.QuerySelectorAll("a.button").Select(a => a.GetAttribute("href")));
            foreach (var line in country.Lines)
            {
                Assert.Contains(line.Name, first.TextContent, StringComparison.Ordinal);
            }

            Assert.Contains($"call {country.Emergency}.", page.QuerySelector(".panel-soft")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_help_page_offers_a_quick_exit_that_works_as_a_plain_link_and_a_note_on_keeping_the_device_safe()
    {
        var page = await HelpAsync(null);

        var exit = page.QuerySelector("a[data-quick-exit]")!;
        Assert.StartsWith("https://", exit.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("noreferrer", exit.GetAttribute("rel"));
        Assert.True(exit.CompareDocumentPosition(page.QuerySelector("h1")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following), "The quick exit comes before the heading.");
        Assert.NotNull(page.QuerySelector("script[src*='/js/quick-exit']"));
        Assert.Contains("If someone may look at your phone or computer", page.QuerySelector("#device-heading")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_entry_shows_when_its_numbers_were_last_checked()
    {
        var page = await HelpAsync(null);

        var entries = page.QuerySelectorAll(".crisis-list > li").ToList();
        Assert.Equal(Lines.All.Countries.Count + 1, entries.Count);
        foreach (var entry in entries)
        {
            var code = entry.GetAttribute("data-country");
            var date = code == "elsewhere" ? Lines.All.Elsewhere.LastVerified : Lines.Find(code)!.LastVerified;
            Assert.Contains($"Last checked on {date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.", entry.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_listed_country_is_a_country_a_person_can_choose()
    {
        foreach (var country in Lines.All.Countries)
        {
            Assert.Equal(country.Code, Countries.Normalize(country.Code));
            Assert.Equal(Countries.Find(country.Code)!.Name, country.Name);
        }
    }
}
