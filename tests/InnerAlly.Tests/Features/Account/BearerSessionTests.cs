using System.Net;
using System.Net.Http.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Account;

/// <summary>An app's bearer token is a session too: signing out everywhere or a new password ends it at once.</summary>
public sealed class BearerSessionTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    [Fact]
    public async Task Signing_out_on_the_pages_ends_the_apps_token()
    {
        var email = InnerAllyFactory.NewEmail();
        var browser = await PageBrowser.RegisterAsync(factory, email);
        var app = await SignInAppAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/api/v1/check-ins", PageBrowser.Cancel)).StatusCode);

        await browser.SubmitAsync("/account", [], "main form[action='/account/logout']");

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync("/api/v1/check-ins", PageBrowser.Cancel)).StatusCode);
    }

    [Fact]
    public async Task Api_logout_ends_every_token_and_the_pages_too()
    {
        var email = InnerAllyFactory.NewEmail();
        var browser = await PageBrowser.RegisterAsync(factory, email);
        var phone = await SignInAppAsync(email);
        var tablet = await SignInAppAsync(email);

        var logout = await phone.PostAsync("/api/v1/account/logout", null, PageBrowser.Cancel);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/v1/check-ins", PageBrowser.Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tablet.PostAsJsonAsync("/api/v1/check-ins", new { threat = 1, drive = 1, soothe = 1 }, PageBrowser.Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await browser.StatusOfAsync("/check-ins"));
        Assert.Equal(0, factory.WithDb(db => db.CheckIns.Count(c => c.Threat == 1 && c.Drive == 1 && c.Soothe == 1)));
    }

    [Fact]
    public async Task A_new_password_ends_older_tokens_and_their_refresh()
    {
        var email = InnerAllyFactory.NewEmail();
        var client = factory.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/account/register", new { email, password = InnerAllyFactory.GoodPassword }, PageBrowser.Cancel)).EnsureSuccessStatusCode();
        var old = await LoginAsync(email, InnerAllyFactory.GoodPassword);
        var changer = Bearer(old.AccessToken);

        var change = await changer.PostAsJsonAsync("/api/v1/account/manage/info",
            new { oldPassword = InnerAllyFactory.GoodPassword, newPassword = "lanterns along the winter canal" }, PageBrowser.Cancel);
        change.EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(old.AccessToken).GetAsync("/api/v1/check-ins", PageBrowser.Cancel)).StatusCode);
        var refresh = await factory.CreateClient().PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken = old.RefreshToken }, PageBrowser.Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        var fresh = await LoginAsync(email, "lanterns along the winter canal");
        Assert.Equal(HttpStatusCode.OK, (await Bearer(fresh.AccessToken).GetAsync("/api/v1/check-ins", PageBrowser.Cancel)).StatusCode);
    }

    [Fact]
    public async Task Logout_without_a_token_is_401()
    {
        var response = await factory.CreateClient().PostAsync("/api/v1/account/logout", null, PageBrowser.Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<HttpClient> SignInAppAsync(string email) =>
        Bearer((await LoginAsync(email, InnerAllyFactory.GoodPassword)).AccessToken);

    private async Task<InnerAllyFactory.TokenResponse> LoginAsync(string email, string password)
    {
        var login = await factory.CreateClient().PostAsJsonAsync("/api/v1/account/login", new { email, password }, PageBrowser.Cancel);
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<InnerAllyFactory.TokenResponse>(PageBrowser.Cancel))!;
    }

    private HttpClient Bearer(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}
