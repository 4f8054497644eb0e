using System.Net;
using System.Net.Http.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Account;

/// <summary>
/// An app's token works until it expires and not a moment longer, even when the app has just
/// used it (tokens already read are remembered for a few minutes, never past their expiry).
/// </summary>
public sealed class BearerExpiryTests(ClockFactory factory) : IClassFixture<ClockFactory>
{
    [Fact]
    public async Task A_token_used_just_before_it_expires_stops_working_when_it_expires()
    {
        var email = InnerAllyFactory.NewEmail();
        var client = factory.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/account/register", new { email, password = InnerAllyFactory.GoodPassword }, PageBrowser.Cancel)).EnsureSuccessStatusCode();
        var login = await client.PostAsJsonAsync("/api/v1/account/login", new { email, password = InnerAllyFactory.GoodPassword }, PageBrowser.Cancel);
        var token = (await login.Content.ReadFromJsonAsync<InnerAllyFactory.TokenResponse>(PageBrowser.Cancel))!;
        var app = factory.CreateClient();
        app.DefaultRequestHeaders.Authorization = new("Bearer", token.AccessToken);

        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/api/v1/check-ins", PageBrowser.Cancel)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromSeconds(token.ExpiresIn) - TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/api/v1/check-ins", PageBrowser.Cancel)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(3));

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.GetAsync("/api/v1/check-ins", PageBrowser.Cancel)).StatusCode);
        var refresh = await factory.CreateClient().PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken = token.RefreshToken }, PageBrowser.Cancel);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
    }

    [Fact]
    public async Task An_app_refreshing_every_10_days_is_asked_for_the_password_again_after_30_days()
    {
        var email = InnerAllyFactory.NewEmail();
        var client = factory.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/account/register", new { email, password = InnerAllyFactory.GoodPassword }, PageBrowser.Cancel)).EnsureSuccessStatusCode();
        var login = await client.PostAsJsonAsync("/api/v1/account/login", new { email, password = InnerAllyFactory.GoodPassword }, PageBrowser.Cancel);
        var token = (await login.Content.ReadFromJsonAsync<InnerAllyFactory.TokenResponse>(PageBrowser.Cancel))!;

        for (var i = 0; i < 2; i++)
        {
            factory.Clock.Advance(TimeSpan.FromDays(10));
            var refreshed = await client.PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken = token.RefreshToken }, PageBrowser.Cancel);
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
            token = (await refreshed.Content.ReadFromJsonAsync<InnerAllyFactory.TokenResponse>(PageBrowser.Cancel))!;
        }

        factory.Clock.Advance(TimeSpan.FromDays(10).Add(TimeSpan.FromMinutes(1)));
        var late = await client.PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken = token.RefreshToken }, PageBrowser.Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
    }
}
