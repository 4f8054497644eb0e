using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Features.Account;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Account;

/// <summary>
/// The locks on an account (two-step sign-in, its recovery codes, passkeys, the email address)
/// change only after the password was typed recently: within ten minutes of signing in or of
/// /account/confirm on the pages, and with the password in the same request through the API.
/// Someone holding a session alone (a phone left signed in, a copied token) cannot change them.
/// </summary>
public sealed class RecentPasswordTests(ClockFactory factory) : IClassFixture<ClockFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Later = RecentConfirmation.Lasts + TimeSpan.FromMinutes(1);

    private const string AskPage = "/account/confirm?returnUrl=%2Faccount%2Ftwo-factor";

    private static Dictionary<string, string> Password(string password) => new() { ["Input.Password"] = password };

    [Fact]
    public async Task Later_the_two_step_page_asks_for_the_password_says_why_and_then_comes_back()
    {
        var browser = await PageBrowser.RegisterAsync(factory);
        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/account/two-factor"));
        factory.Clock.Advance(Later);

        var asked = await browser.Client.GetAsync("/account/two-factor", Cancel);
        PageBrowser.AssertRedirectsTo(asked, AskPage);
        var page = await browser.OpenAsync(AskPage);
        Assert.Contains("type your password once more", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var wrong = await browser.SubmitAsync(AskPage, Password("not the password at all"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("not your password", PageBrowser.FieldError(await PageBrowser.ParseAsync(wrong), "password"), StringComparison.Ordinal);
        var empty = await browser.SubmitAsync(AskPage, Password(""));
        Assert.Contains("type your password", PageBrowser.FieldError(await PageBrowser.ParseAsync(empty), "password"), StringComparison.Ordinal);

        var right = await browser.SubmitAsync(AskPage, Password(InnerAllyFactory.GoodPassword));
        PageBrowser.AssertRedirectsTo(right, "/account/two-factor");
        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/account/two-factor"));
    }

    [Fact]
    public async Task The_confirm_page_sends_people_only_to_pages_of_this_site()
    {
        var browser = await PageBrowser.RegisterAsync(factory);

        var response = await browser.SubmitAsync("/account/confirm?returnUrl=https%3A%2F%2Fevil.example%2F", Password(InnerAllyFactory.GoodPassword));

        PageBrowser.AssertRedirectsTo(response, "/");
        Assert.DoesNotContain("evil", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_recent_password_two_step_sign_in_is_not_turned_off_nor_given_new_codes()
    {
        var email = InnerAllyFactory.NewEmail();
        var browser = await PageBrowser.RegisterAsync(factory, email);
        var key = (await browser.OpenAsync("/account/two-factor")).QuerySelector(".setup-key")!.TextContent.Trim();
        await browser.SubmitAsync("/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, factory.Clock.GetUtcNow()) });
        var codes = StoredRecoveryCodes(email);
        var turnOff = await browser.OpenAsync("/account/two-factor?step=turn-off");
        var settings = await browser.OpenAsync("/account/two-factor");
        factory.Clock.Advance(Later);

        var off = await browser.SubmitAsync(turnOff, "/account/two-factor", [], "main form[action*='handler=TurnOff']");
        var newCodes = await browser.SubmitAsync(settings, "/account/two-factor", [], "main form[action*='handler=RecoveryCodes']");

        PageBrowser.AssertRedirectsTo(off, "/account/confirm?returnUrl=%2Faccount%2Ftwo-factor%3Fstep%3Dturn-off");
        PageBrowser.AssertRedirectsTo(newCodes, AskPage);
        Assert.True(factory.WithDb(db => db.Users.Single(u => u.Email == email).TwoFactorEnabled));
        Assert.Equal(codes, StoredRecoveryCodes(email));

        await browser.SubmitAsync(AskPage, Password(InnerAllyFactory.GoodPassword));
        var confirmedOff = await browser.SubmitAsync("/account/two-factor?step=turn-off", [], "main form[action*='handler=TurnOff']");
        PageBrowser.AssertRedirectsTo(confirmedOff, "/account/two-factor");
        Assert.False(factory.WithDb(db => db.Users.Single(u => u.Email == email).TwoFactorEnabled));
        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/account/two-factor")); // the window lasts past the change
    }

    [Fact]
    public async Task Wrong_passwords_on_the_confirm_page_count_against_the_one_limit()
    {
        var browser = await PageBrowser.RegisterAsync(factory);
        factory.Clock.Advance(Later);
        for (var i = 0; i < 5; i++)
        {
            await browser.SubmitAsync(AskPage, Password($"a guess at the password {i}"));
        }

        var paused = await browser.SubmitAsync(AskPage, Password(InnerAllyFactory.GoodPassword));

        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Contains("try again", PageBrowser.FieldError(await PageBrowser.ParseAsync(paused), "password"), StringComparison.Ordinal);
        PageBrowser.AssertRedirectsTo(await browser.Client.GetAsync("/account/two-factor", Cancel), "/account/confirm");
    }

    [Fact]
    public async Task Api_two_step_changes_need_the_password_and_change_nothing_without_it()
    {
        var email = InnerAllyFactory.NewEmail();
        var client = await factory.CreateSignedInApiClientAsync(email);
        var key = (await ReadAsync(await client.PostAsJsonAsync("/api/v1/account/manage/2fa", new { }, Cancel))).GetProperty("sharedKey").GetString()!;
        await SignInAgainAsync(client, email); // a new key is a new security stamp, which ends the token

        var noPassword = await client.PostAsJsonAsync("/api/v1/account/manage/2fa", new { enable = true, twoFactorCode = Totp.Code(key, factory.Clock.GetUtcNow()) }, Cancel);
        await AssertNamesAsync(noPassword, "password");
        var wrong = await client.PostAsJsonAsync("/api/v1/account/manage/2fa", new { enable = true, twoFactorCode = Totp.Code(key, factory.Clock.GetUtcNow()), password = "not the password at all" }, Cancel);
        await AssertNamesAsync(wrong, "password");
        Assert.False((await ReadAsync(await client.PostAsJsonAsync("/api/v1/account/manage/2fa", new { }, Cancel))).GetProperty("isTwoFactorEnabled").GetBoolean());

        var on = await client.PostAsJsonAsync("/api/v1/account/manage/2fa", new { enable = true, twoFactorCode = Totp.Code(key, factory.Clock.GetUtcNow()), password = InnerAllyFactory.GoodPassword }, Cancel);
        var enabled = await ReadAsync(on);
        Assert.True(enabled.GetProperty("isTwoFactorEnabled").GetBoolean());
        var firstCodes = enabled.GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(10, firstCodes.Count);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        await SignInAgainAsync(client, email, Totp.Code(key, factory.Clock.GetUtcNow()));

        await AssertNamesAsync(await client.PostAsJsonAsync("/api/v1/account/manage/2fa", new { resetRecoveryCodes = true }, Cancel), "password");
        await AssertNamesAsync(await client.PostAsJsonAsync("/api/v1/account/manage/2fa", new { enable = false }, Cancel), "password");
        await AssertNamesAsync(await client.PostAsJsonAsync("/api/v1/account/manage/2fa", new { resetSharedKey = true }, Cancel), "password");

        var status = await ReadAsync(await client.PostAsJsonAsync("/api/v1/account/manage/2fa", new { }, Cancel));
        Assert.True(status.GetProperty("isTwoFactorEnabled").GetBoolean());
        Assert.Equal(key, status.GetProperty("sharedKey").GetString());
        Assert.Equal(10, status.GetProperty("recoveryCodesLeft").GetInt32());
        var off = await ReadAsync(await client.PostAsJsonAsync("/api/v1/account/manage/2fa", new { enable = false, password = InnerAllyFactory.GoodPassword }, Cancel));
        Assert.False(off.GetProperty("isTwoFactorEnabled").GetBoolean());
    }

    [Fact]
    public async Task Api_a_new_email_address_needs_the_current_password()
    {
        var email = InnerAllyFactory.NewEmail();
        var client = await factory.CreateSignedInApiClientAsync(email);

        await AssertNamesAsync(await client.PostAsJsonAsync("/api/v1/account/manage/info", new { newEmail = InnerAllyFactory.NewEmail() }, Cancel), "oldPassword");
        await AssertNamesAsync(await client.PostAsJsonAsync("/api/v1/account/manage/info", new { newEmail = InnerAllyFactory.NewEmail(), oldPassword = "not the password at all" }, Cancel), "oldPassword");

        var right = await client.PostAsJsonAsync("/api/v1/account/manage/info", new { newEmail = InnerAllyFactory.NewEmail(), oldPassword = InnerAllyFactory.GoodPassword }, Cancel);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(email, (await ReadAsync(right)).GetProperty("email").GetString());
    }

    private async Task SignInAgainAsync(HttpClient client, string email, string? twoFactorCode = null)
    {
        var login = await factory.CreateClient().PostAsJsonAsync("/api/v1/account/login", new { email, password = InnerAllyFactory.GoodPassword, twoFactorCode }, Cancel);
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await ReadAsync(login)).GetProperty("accessToken").GetString());
    }

    private string StoredRecoveryCodes(string email) => factory.WithDb(db =>
        db.UserTokens.Single(t => t.UserId == db.Users.Single(u => u.Email == email).Id && t.Name == "RecoveryCodes").Value!);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
    }

    private static async Task AssertNamesAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"Expected an error for {field}: {errors}");
    }
}
