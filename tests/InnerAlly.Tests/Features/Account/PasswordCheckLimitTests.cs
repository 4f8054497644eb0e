using System.Net;
using System.Net.Http.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Account;

/// <summary>
/// Every check of a signed-in person's password or two-step code (change password, delete the
/// account, manage/info, manage/2fa, and their pages) counts against one limit per person: after
/// five misses the next try waits, even with the right password, and answers 429 with Retry-After.
/// </summary>
public sealed class PasswordCheckLimitTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string NewPassword = "another calm meadow at dusk";

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string oldPassword) =>
        client.PostAsJsonAsync("/api/v1/account/manage/info", new { oldPassword, newPassword = NewPassword }, Cancel);

    private static Task<HttpResponseMessage> DeleteAsync(HttpClient client, string password) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/account") { Content = JsonContent.Create(new { password }) }, Cancel);

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("try again", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manage_info_after_five_wrong_old_passwords_waits_even_for_the_right_one_and_changes_nothing()
    {
        var email = InnerAllyFactory.NewEmail();
        var client = await factory.CreateSignedInApiClientAsync(email);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await ChangeAsync(client, $"a guess at the password {i}")).StatusCode);
        }

        await AssertTooManyAsync(await ChangeAsync(client, InnerAllyFactory.GoodPassword));

        var login = await factory.CreateClient().PostAsJsonAsync("/api/v1/account/login", new { email, password = InnerAllyFactory.GoodPassword }, Cancel);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task Deleting_the_account_and_changing_the_password_share_one_limit()
    {
        var client = await factory.CreateSignedInApiClientAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await DeleteAsync(client, $"a guess at the password {i}")).StatusCode);
        }

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await ChangeAsync(client, $"another guess {i}")).StatusCode);
        }

        await AssertTooManyAsync(await DeleteAsync(client, InnerAllyFactory.GoodPassword));
        await AssertTooManyAsync(await ChangeAsync(client, InnerAllyFactory.GoodPassword));
        var twoFactor = await client.PostAsJsonAsync("/api/v1/account/manage/2fa", new { enable = true, twoFactorCode = "123456", password = InnerAllyFactory.GoodPassword }, Cancel);
        await AssertTooManyAsync(twoFactor);
    }

    [Fact]
    public async Task Wrong_two_step_codes_through_manage_2fa_count_too()
    {
        var client = await factory.CreateSignedInApiClientAsync();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/account/manage/2fa", new { enable = true, twoFactorCode = "000000", password = InnerAllyFactory.GoodPassword }, Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        await AssertTooManyAsync(await ChangeAsync(client, InnerAllyFactory.GoodPassword));
    }

    [Fact]
    public async Task The_change_password_page_says_to_wait_beside_the_current_password()
    {
        var browser = await PageBrowser.RegisterAsync(factory);
        for (var i = 0; i < 5; i++)
        {
            await browser.SubmitAsync("/account/change-password", Fields($"a guess at the password {i}"));
        }

        var paused = await browser.SubmitAsync("/account/change-password", Fields(InnerAllyFactory.GoodPassword));

        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Contains("try again", PageBrowser.FieldError(await PageBrowser.ParseAsync(paused), "current-password"), StringComparison.Ordinal);
    }

    /// <summary>Someone whose sign-in asks for a code from their authenticator app; returns its key.</summary>
    private async Task<string> WithTwoStepAsync(string email)
    {
        var browser = await PageBrowser.RegisterAsync(factory, email);
        var key = (await browser.OpenAsync("/account/two-factor")).QuerySelector(".setup-key")!.TextContent.Trim();
        var on = await browser.SubmitAsync("/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        return key;
    }

    [Fact]
    public async Task Five_wrong_codes_at_the_two_step_sign_in_page_pause_it_even_for_the_right_code()
    {
        var email = InnerAllyFactory.NewEmail();
        var key = await WithTwoStepAsync(email);
        var browser = new PageBrowser(factory.CreatePageClient());
        var step = (await browser.SignInAsync(email, InnerAllyFactory.GoodPassword)).Headers.Location!.OriginalString;
        for (var i = 0; i < 5; i++)
        {
            await browser.SubmitAsync(step, new Dictionary<string, string> { ["Input.Code"] = Totp.NotCurrent(key) });
        }

        var paused = await browser.SubmitAsync(step, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Contains("wait a little", (await PageBrowser.ParseAsync(paused)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await browser.StatusOfAsync("/check-ins"));
    }

    [Fact]
    public async Task Five_wrong_codes_at_the_api_login_answer_429_even_for_the_right_code()
    {
        var email = InnerAllyFactory.NewEmail();
        var key = await WithTwoStepAsync(email);
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/account/login", new { email, password = InnerAllyFactory.GoodPassword, twoFactorCode = Totp.NotCurrent(key) }, Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var right = await client.PostAsJsonAsync("/api/v1/account/login", new { email, password = InnerAllyFactory.GoodPassword, twoFactorCode = Totp.Code(key, DateTimeOffset.UtcNow) }, Cancel);

        await AssertTooManyAsync(right);
    }

    private static Dictionary<string, string> Fields(string current) => new()
    {
        ["Input.CurrentPassword"] = current,
        ["Input.NewPassword"] = NewPassword,
        ["Input.ConfirmPassword"] = NewPassword,
    };
}
