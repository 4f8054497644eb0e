using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Features.Account;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Account;

/// <summary>
/// /account/sessions and /api/v1/account/sessions: every browser and app where a person is signed
/// in, and ending any one of them alone (ASVS 7.5.2).
/// </summary>
public sealed class SignInListTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string FirefoxOnLinux = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0";

    private async Task<PageBrowser> SignInWithAsync(string email, string userAgent)
    {
        var client = factory.CreatePageClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        var browser = new PageBrowser(client);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, InnerAllyFactory.GoodPassword)).StatusCode);
        return browser;
    }

    private async Task<HttpClient> AppAsync(string email)
    {
        var client = factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/account/login", new { email, password = InnerAllyFactory.GoodPassword }, Cancel);
        var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonElement[]> ListAsync(HttpClient app)
    {
        var response = await app.GetAsync("/api/v1/account/sessions", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.EnumerateArray()];
    }

    [Fact]
    public async Task The_page_lists_each_sign_in_and_ends_one_alone()
    {
        var email = InnerAllyFactory.NewEmail();
        var owner = await PageBrowser.RegisterAsync(factory, email);
        var laptop = await SignInWithAsync(email, FirefoxOnLinux);
        var app = await AppAsync(email);

        var page = await owner.OpenAsync("/account/sessions");

        var items = page.QuerySelectorAll(".session-list li");
        Assert.Equal(3, items.Length);
        Assert.Contains("(this one)", items[0].TextContent, StringComparison.Ordinal);
        Assert.Null(items[0].QuerySelector("form"));
        var firefox = Assert.Single(items, i => i.TextContent.Contains("Firefox on Linux", StringComparison.Ordinal));
        Assert.Single(items, i => i.TextContent.Contains("through an app", StringComparison.Ordinal));

        var ended = await owner.SubmitAsync(page, "/account/sessions", [new("id", firefox.QuerySelector("input[name=id]")!.GetAttribute("value")!)], $"main .session-list li:nth-child({Array.IndexOf([.. items], firefox) + 1}) form");

        PageBrowser.AssertRedirectsTo(ended, "/account/sessions");
        Assert.Equal(HttpStatusCode.Redirect, await laptop.StatusOfAsync("/check-ins"));
        Assert.Equal(HttpStatusCode.OK, await owner.StatusOfAsync("/check-ins"));
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/api/v1/check-ins", Cancel)).StatusCode);
        var after = await owner.OpenAsync("/account/sessions");
        Assert.Equal(2, after.QuerySelectorAll(".session-list li").Length);
        Assert.Contains("That sign-in is ended", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_lists_sign_ins_ends_one_and_answers_404_for_anyone_elses()
    {
        var email = InnerAllyFactory.NewEmail();
        var browser = await PageBrowser.RegisterAsync(factory, email);
        var app = await AppAsync(email);
        var stranger = await factory.CreateSignedInApiClientAsync();

        var list = await ListAsync(app);
        Assert.Equal(2, list.Length);
        var mine = Assert.Single(list, s => s.GetProperty("current").GetBoolean());
        Assert.Equal("app", mine.GetProperty("kind").GetString());
        var page = Assert.Single(list, s => s.GetProperty("kind").GetString() == "browser");
        var pageId = page.GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/v1/account/sessions/{pageId}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/check-ins"));

        Assert.Equal(HttpStatusCode.NoContent, (await app.DeleteAsync($"/api/v1/account/sessions/{pageId}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await browser.StatusOfAsync("/check-ins"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.DeleteAsync($"/api/v1/account/sessions/{pageId}", Cancel)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await app.DeleteAsync($"/api/v1/account/sessions/{mine.GetProperty("id").GetString()}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync("/api/v1/check-ins", Cancel)).StatusCode);
    }

    [Fact]
    public async Task After_a_new_password_only_this_sign_in_is_listed()
    {
        var email = InnerAllyFactory.NewEmail();
        var owner = await PageBrowser.RegisterAsync(factory, email);
        await SignInWithAsync(email, FirefoxOnLinux);
        await AppAsync(email);
        const string newPassword = "a lantern by the quiet shore";

        await owner.SubmitAsync("/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = InnerAllyFactory.GoodPassword,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });

        var item = Assert.Single((await owner.OpenAsync("/account/sessions")).QuerySelectorAll(".session-list li"));
        Assert.Contains("(this one)", item.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FirefoxOnLinux, "Firefox on Linux")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari on iPhone")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36", "Chrome on Android")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "Safari on a Mac")]
    [InlineData("InnerAllyApp/1.0 (Android 14)", "An app on Android")]
    [InlineData("curl/8.5.0", null)]
    [InlineData("", null)]
    public void A_device_is_named_from_its_user_agent(string userAgent, string? expected)
    {
        Assert.Equal(expected, DeviceNames.Describe(userAgent));
    }
}
