using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using InnerAlly.Features.Account;
using InnerAlly.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Features.Account;

/// <summary>Two-step sign-in with an authenticator app: set up, sign in with a code or a recovery code, turn off.</summary>
public sealed class TwoFactorTests(ClockFactory factory) : IClassFixture<ClockFactory>
{
    private sealed record Enabled(string Email, string Key, IReadOnlyList<string> RecoveryCodes);

    private DateTimeOffset Now => factory.Clock.GetUtcNow();

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    private async Task<Enabled> EnableAsync(PageBrowser? browser = null, string? email = null)
    {
        email ??= InnerAllyFactory.NewEmail();
        browser ??= await PageBrowser.RegisterAsync(factory, email);
        var setup = await browser.OpenAsync("/account/two-factor");
        var key = setup.QuerySelector(".setup-key")!.TextContent.Trim();
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector(".qr img")!.GetAttribute("src"), StringComparison.Ordinal);

        var response = await browser.SubmitAsync("/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, Now) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageBrowser.ParseAsync(response);
        var codes = page.QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Contains("somewhere safe", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        factory.Clock.Advance(Step); // the code that turned it on is spent; the app shows a new one
        return new Enabled(email, key, codes);
    }

    private async Task<(PageBrowser Browser, HttpResponseMessage Response)> PasswordStepAsync(string email)
    {
        var browser = new PageBrowser(factory.CreatePageClient());
        return (browser, await browser.SignInAsync(email, InnerAllyFactory.GoodPassword));
    }

    [Fact]
    public async Task Key_is_shown_in_groups_of_four_beside_a_qr_code()
    {
        var browser = await PageBrowser.RegisterAsync(factory);

        var page = await browser.OpenAsync("/account/two-factor");

        var groups = page.QuerySelector(".setup-key")!.TextContent.Trim().Split(' ');
        Assert.All(groups.SkipLast(1), g => Assert.Equal(4, g.Length));
        Assert.NotNull(page.QuerySelector(".qr img[alt]"));
    }

    [Fact]
    public async Task After_turning_it_on_sign_in_asks_for_a_code_refuses_a_wrong_one_and_accepts_the_right_one()
    {
        var on = await EnableAsync();

        var (browser, password) = await PasswordStepAsync(on.Email);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/login-2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await browser.StatusOfAsync("/check-ins"));

        var wrong = await browser.SubmitAsync(password.Headers.Location.OriginalString, new Dictionary<string, string> { ["Input.Code"] = Totp.NotCurrent(on.Key, Now) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("did not work", PageBrowser.FieldError(await PageBrowser.ParseAsync(wrong), "code"), StringComparison.Ordinal);

        var right = await browser.SubmitAsync(password.Headers.Location.OriginalString, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(on.Key, Now) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/check-ins"));
    }

    [Fact]
    public async Task An_authenticator_code_works_once_and_the_next_one_works_at_the_api()
    {
        var on = await EnableAsync();
        var code = Totp.Code(on.Key, Now);
        var (first, password) = await PasswordStepAsync(on.Email);
        var used = await first.SubmitAsync(password.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);

        var (second, again) = await PasswordStepAsync(on.Email);
        var reused = await second.SubmitAsync(again.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Input.Code"] = code });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("did not work", PageBrowser.FieldError(await PageBrowser.ParseAsync(reused), "code"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await second.StatusOfAsync("/check-ins"));
        var client = factory.CreateClient();
        var reusedAtApi = await client.PostAsJsonAsync("/api/v1/account/login", new { email = on.Email, password = InnerAllyFactory.GoodPassword, twoFactorCode = code }, PageBrowser.Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, reusedAtApi.StatusCode);

        factory.Clock.Advance(Step);
        var next = await client.PostAsJsonAsync("/api/v1/account/login", new { email = on.Email, password = InnerAllyFactory.GoodPassword, twoFactorCode = Totp.Code(on.Key, Now) }, PageBrowser.Cancel);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_code_from_two_steps_ago_is_refused_and_the_one_from_the_step_before_now_works()
    {
        var on = await EnableAsync();
        var old = Totp.Code(on.Key, Now);
        factory.Clock.Advance(2 * Step);
        var (browser, password) = await PasswordStepAsync(on.Email);
        var step = password.Headers.Location!.OriginalString;

        var late = await browser.SubmitAsync(step, new Dictionary<string, string> { ["Input.Code"] = old });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("did not work", PageBrowser.FieldError(await PageBrowser.ParseAsync(late), "code"), StringComparison.Ordinal);

        var slowPhone = await browser.SubmitAsync(step, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(on.Key, Now - Step) });
        Assert.Equal(HttpStatusCode.Redirect, slowPhone.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/check-ins"));
    }

    [Fact]
    public async Task A_recovery_code_works_once_and_only_once()
    {
        var on = await EnableAsync();
        var code = on.RecoveryCodes[3];

        var (first, _) = await PasswordStepAsync(on.Email);
        var used = await first.SubmitAsync("/account/login-recovery", new Dictionary<string, string> { ["Input.RecoveryCode"] = code.ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await first.StatusOfAsync("/check-ins"));

        var (second, _) = await PasswordStepAsync(on.Email);
        var again = await second.SubmitAsync("/account/login-recovery", new Dictionary<string, string> { ["Input.RecoveryCode"] = code });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("did not work", PageBrowser.FieldError(await PageBrowser.ParseAsync(again), "recovery-code"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await second.StatusOfAsync("/check-ins"));

        var status = await first.OpenAsync("/account/two-factor");
        Assert.Contains("9 of 10", status.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recovery_codes_kept_as_ciphertext_before_still_work_once_and_are_then_hashed()
    {
        var on = await EnableAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = (await users.FindByEmailAsync(on.Email))!;
            await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes", string.Join(';', on.RecoveryCodes)); // as stored before: sealed with Data Protection
        }

        Assert.StartsWith("dp1:", StoredRecoveryCodes(on.Email), StringComparison.Ordinal);

        var (first, _) = await PasswordStepAsync(on.Email);
        var used = await first.SubmitAsync("/account/login-recovery", new Dictionary<string, string> { ["Input.RecoveryCode"] = on.RecoveryCodes[2] });
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        var stored = StoredRecoveryCodes(on.Email);
        Assert.StartsWith("hash1:", stored, StringComparison.Ordinal);
        Assert.Equal(9, stored["hash1:".Length..].Split(';').Length);

        var (second, _) = await PasswordStepAsync(on.Email);
        var again = await second.SubmitAsync("/account/login-recovery", new Dictionary<string, string> { ["Input.RecoveryCode"] = on.RecoveryCodes[2] });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var other = await second.SubmitAsync("/account/login-recovery", new Dictionary<string, string> { ["Input.RecoveryCode"] = on.RecoveryCodes[5] });
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    private string StoredRecoveryCodes(string email) => factory.WithDb(db =>
        db.UserTokens.Single(t => t.UserId == db.Users.Single(u => u.Email == email).Id && t.Name == "RecoveryCodes").Value!);

    [Fact]
    public async Task Code_pages_send_people_without_a_password_step_back_to_sign_in()
    {
        var browser = new PageBrowser(factory.CreatePageClient());

        var response = await browser.Client.GetAsync("/account/login-2fa", PageBrowser.Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_code_while_turning_it_on_is_explained_and_it_stays_off()
    {
        var email = InnerAllyFactory.NewEmail();
        var browser = await PageBrowser.RegisterAsync(factory, email);
        var key = (await browser.OpenAsync("/account/two-factor")).QuerySelector(".setup-key")!.TextContent.Trim();

        var response = await browser.SubmitAsync("/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = Totp.NotCurrent(key, Now) });

        Assert.Contains("did not match", PageBrowser.FieldError(await PageBrowser.ParseAsync(response), "code"), StringComparison.Ordinal);
        Assert.False(factory.WithDb(db => db.Users.Single(u => u.Email == email).TwoFactorEnabled));
        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/check-ins"));
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var email = InnerAllyFactory.NewEmail();
        var browser = await PageBrowser.RegisterAsync(factory, email);
        var on = await EnableAsync(browser, email);

        var response = await browser.SubmitAsync("/account/two-factor", [], "main form[action*='handler=RecoveryCodes']");
        var fresh = (await PageBrowser.ParseAsync(response)).QuerySelectorAll(".recovery-codes li").Select(li => li.TextContent.Trim()).ToList();

        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(on.RecoveryCodes));
        var (other, _) = await PasswordStepAsync(email);
        var old = await other.SubmitAsync("/account/login-recovery", new Dictionary<string, string> { ["Input.RecoveryCode"] = on.RecoveryCodes[0] });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }

    [Fact]
    public async Task Turning_it_off_asks_first_and_then_sign_in_needs_only_the_password()
    {
        var email = InnerAllyFactory.NewEmail();
        var browser = await PageBrowser.RegisterAsync(factory, email);
        await EnableAsync(browser, email);

        var confirm = await browser.OpenAsync("/account/two-factor?step=turn-off");
        Assert.NotNull(confirm.QuerySelector("main form[action*='handler=TurnOff']"));
        var response = await browser.SubmitAsync("/account/two-factor?step=turn-off", [], "main form[action*='handler=TurnOff']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/check-ins"));
        Assert.False(factory.WithDb(db => db.Users.Single(u => u.Email == email).TwoFactorEnabled));
        var (_, password) = await PasswordStepAsync(email);
        Assert.Equal("/", password.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Authenticator_key_and_recovery_codes_are_not_stored_in_plain_text()
    {
        var on = await EnableAsync();
        var userId = factory.WithDb(db => db.Users.Single(u => u.Email == on.Email).Id);

        var stored = factory.WithDb(db => db.UserTokens.Where(t => t.UserId == userId).Select(t => new { t.Name, t.Value }).ToList());

        Assert.Contains(stored, t => t.Name == "AuthenticatorKey");
        var codes = Assert.Single(stored, t => t.Name == "RecoveryCodes").Value!;
        Assert.StartsWith("hash1:", codes, StringComparison.Ordinal);
        Assert.DoesNotContain("dp1:", codes, StringComparison.Ordinal);
        Assert.Equal(10, codes["hash1:".Length..].Split(';').Distinct().Count());
        var plainKey = on.Key.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.All(stored.Where(t => t.Name != "RecoveryCodes"), t => Assert.StartsWith("dp1:", t.Value, StringComparison.Ordinal));
        Assert.All(stored, t =>
        {
            Assert.DoesNotContain(plainKey, t.Value!, StringComparison.OrdinalIgnoreCase);
            Assert.All(on.RecoveryCodes, code => Assert.DoesNotContain(code, t.Value!, StringComparison.OrdinalIgnoreCase));
        });
    }
}

/// <summary>RFC 6238 time-based codes, as an authenticator app makes them: HMAC-SHA1, 30-second steps, 6 digits.</summary>
internal static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var counter = at.ToUnixTimeSeconds() / 30;
        var message = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(message, counter);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; this is what they compute, not a choice.
        var hash = HMACSHA1.HashData(Base32(base32Key), message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A well-formed code that no nearby time step would accept.</summary>
    public static string NotCurrent(string base32Key, DateTimeOffset? at = null)
    {
        var now = at ?? DateTimeOffset.UtcNow;
        var valid = Enumerable.Range(-3, 7).Select(i => Code(base32Key, now.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 100).Select(i => (123456 + (i * 7919)).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
