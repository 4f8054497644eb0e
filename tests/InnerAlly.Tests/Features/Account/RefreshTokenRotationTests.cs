using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Account;

/// <summary>
/// Refresh tokens rotate: each works once, the access token it replaced stops working, and a
/// refresh token presented a second time (two parties hold it) ends every token of that sign-in.
/// </summary>
public sealed class RefreshTokenRotationTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<InnerAllyFactory.TokenResponse> SignInAsync()
    {
        var email = InnerAllyFactory.NewEmail();
        var client = factory.CreateClient();
        (await client.PostAsJsonAsync("/api/v1/account/register", new { email, password = InnerAllyFactory.GoodPassword }, Cancel)).EnsureSuccessStatusCode();
        var login = await client.PostAsJsonAsync("/api/v1/account/login", new { email, password = InnerAllyFactory.GoodPassword }, Cancel);
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<InnerAllyFactory.TokenResponse>(Cancel))!;
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        factory.CreateClient().PostAsJsonAsync("/api/v1/account/refresh", new { refreshToken }, Cancel);

    private async Task<InnerAllyFactory.TokenResponse> RefreshedAsync(string refreshToken)
    {
        var response = await RefreshAsync(refreshToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<InnerAllyFactory.TokenResponse>(Cancel))!;
    }

    private async Task<HttpStatusCode> InfoStatusAsync(string accessToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/account/manage/info");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return (await factory.CreateClient().SendAsync(request, Cancel)).StatusCode;
    }

    [Fact]
    public async Task A_refresh_token_works_once()
    {
        var first = await SignInAsync();

        await RefreshedAsync(first.RefreshToken);
        var again = await RefreshAsync(first.RefreshToken);

        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task After_a_refresh_the_old_access_token_is_refused_and_the_new_one_works()
    {
        var first = await SignInAsync();
        Assert.Equal(HttpStatusCode.OK, await InfoStatusAsync(first.AccessToken));

        var second = await RefreshedAsync(first.RefreshToken);

        Assert.Equal(HttpStatusCode.Unauthorized, await InfoStatusAsync(first.AccessToken));
        Assert.Equal(HttpStatusCode.OK, await InfoStatusAsync(second.AccessToken));
    }

    [Fact]
    public async Task A_chain_of_refreshes_keeps_working()
    {
        var tokens = await SignInAsync();
        for (var i = 0; i < 3; i++)
        {
            tokens = await RefreshedAsync(tokens.RefreshToken);
        }

        Assert.Equal(HttpStatusCode.OK, await InfoStatusAsync(tokens.AccessToken));
    }

    [Fact]
    public async Task Presenting_a_used_refresh_token_ends_the_tokens_issued_after_it()
    {
        var first = await SignInAsync();
        var second = await RefreshedAsync(first.RefreshToken);

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(first.RefreshToken)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await InfoStatusAsync(second.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(second.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task Ending_one_chain_leaves_the_persons_other_sign_ins_alone()
    {
        var email = InnerAllyFactory.NewEmail();
        await factory.CreateSignedInApiClientAsync(email);
        var login = await factory.CreateClient().PostAsJsonAsync("/api/v1/account/login", new { email, password = InnerAllyFactory.GoodPassword }, Cancel);
        var phone = (await login.Content.ReadFromJsonAsync<InnerAllyFactory.TokenResponse>(Cancel))!;
        var laptop = (await (await factory.CreateClient().PostAsJsonAsync("/api/v1/account/login", new { email, password = InnerAllyFactory.GoodPassword }, Cancel))
            .Content.ReadFromJsonAsync<InnerAllyFactory.TokenResponse>(Cancel))!;

        await RefreshedAsync(phone.RefreshToken);
        await RefreshAsync(phone.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, await InfoStatusAsync(laptop.AccessToken));
        await RefreshedAsync(laptop.RefreshToken);
    }
}
