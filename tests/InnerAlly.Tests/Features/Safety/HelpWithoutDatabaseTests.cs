using System.Net;
using AngleSharp.Html.Dom;
using InnerAlly.Features.Account;
using InnerAlly.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Features.Safety;

/// <summary>
/// "Need help now?" answers with every crisis line while the database is unreachable, for
/// signed-out and signed-in visitors alike: the moment someone needs it is no time for an error page.
/// </summary>
public sealed class HelpWithoutDatabaseTests
{
    private const string CountryForm = "main form[action*='handler=Country']";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<IHtmlDocument> HelpAsync(PageBrowser browser)
    {
        var response = await browser.Client.GetAsync("/help", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageBrowser.ParseAsync(response);
        var lines = page.QuerySelectorAll(".crisis-list a.button").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("tel:116123", lines);
        Assert.Contains("tel:988", lines);
        Assert.Contains("sms:741741?body=HOME", lines);
        Assert.NotNull(page.QuerySelector("main a[href='/safety-plan']"));
        return page;
    }

    private static bool SignedIn(IHtmlDocument page) => page.QuerySelector("nav form[action='/account/logout']") is not null;

    [Fact]
    public async Task Signed_out_visitor_gets_help_and_the_page_never_asks_the_database()
    {
        await using var factory = new WatchedDatabaseFactory();
        await factory.InitializeAsync();
        var client = factory.CreatePageClient();
        var browser = new PageBrowser(client);
        await browser.SubmitAsync("/help", new Dictionary<string, string> { ["Country"] = "GB" }, "main form[action*='handler=Country']");

        factory.Watch.Down = true;
        var opened = factory.Watch.ConnectionsOpened;

        // The database really is out of reach: anything that needs it fails.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await browser.StatusOfAsync("/health"));
        var page = await HelpAsync(browser);
        Assert.Equal("GB", page.QuerySelector("li.crisis-first")!.GetAttribute("data-country"));
        Assert.False(SignedIn(page));
        Assert.Equal(opened + 1, factory.Watch.ConnectionsOpened); // the health check's attempt, and nothing from /help
    }

    [Fact]
    public async Task Signed_in_person_gets_help_while_the_database_is_down_and_is_still_signed_in_when_it_is_back()
    {
        await using var factory = new WatchedDatabaseFactory();
        await factory.InitializeAsync();
        var email = InnerAllyFactory.NewEmail();
        var browser = await PageBrowser.RegisterAsync(factory, email);
        await browser.SubmitAsync("/account", new Dictionary<string, string> { ["Preferences.Country"] = "NZ" }, CountryForm);
        var userId = factory.WithDb(db => db.Users.Single(u => u.Email == email).Id);
        var before = await HelpAsync(browser);
        Assert.True(SignedIn(before));
        Assert.Equal("NZ", before.QuerySelector("li.crisis-first")!.GetAttribute("data-country"));

        factory.Watch.Down = true;

        // The sign-in was checked moments ago; only the person's country is out of reach, so help goes on without it.
        var opened = factory.Watch.ConnectionsOpened;
        var recent = await HelpAsync(browser);
        Assert.True(factory.Watch.ConnectionsOpened > opened, "The page should have tried to read the person's country.");
        Assert.True(SignedIn(recent));
        Assert.Equal("elsewhere", recent.QuerySelector("li.crisis-first")!.GetAttribute("data-country"));

        // Now the sign-in itself must be checked against the database, which cannot answer.
        factory.Services.GetRequiredService<SecurityStamps>().Forget(userId);
        var unverified = await browser.Client.GetAsync("/help", Cancel);
        Assert.Equal(HttpStatusCode.OK, unverified.StatusCode);
        Assert.False(unverified.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("InnerAlly.Session=;", StringComparison.Ordinal)),
            "The session cookie must not be deleted because the database was down.");
        var signedOutView = await HelpAsync(browser);
        Assert.False(SignedIn(signedOutView));

        factory.Watch.Down = false;

        var after = await HelpAsync(browser);
        Assert.True(SignedIn(after));
        Assert.Equal("NZ", after.QuerySelector("li.crisis-first")!.GetAttribute("data-country"));
    }
}
