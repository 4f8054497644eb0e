using System.Net;
using System.Security.Cryptography;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Account;

/// <summary>
/// Passkeys through the whole ceremony, with a software authenticator in place of the phone:
/// the server's own options, a real signature, Identity's own checks.
/// </summary>
public sealed class PasskeyTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static async Task<string> OptionsAsync(PageBrowser browser, string page, string formSelector, string optionsUrl)
    {
        var token = (await browser.OpenAsync(page)).QuerySelector($"{formSelector} input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, optionsUrl);
        request.Headers.Add("RequestVerificationToken", token);
        var response = await browser.Client.SendAsync(request, PageBrowser.Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync(PageBrowser.Cancel);
    }

    private static async Task<HttpResponseMessage> AddAsync(PageBrowser browser, SoftAuthenticator authenticator, string name = "Test phone")
    {
        var options = await OptionsAsync(browser, "/account/passkeys", "main form[data-passkey]", "/account/passkeys?handler=CreationOptions");
        return await browser.SubmitAsync("/account/passkeys", new Dictionary<string, string> { ["CredentialJson"] = authenticator.Create(options), ["Name"] = name }, "main form[data-passkey]");
    }

    private async Task<(PageBrowser Browser, HttpResponseMessage Response)> SignInAsync(SoftAuthenticator authenticator, ECDsa? signWith = null)
    {
        var browser = new PageBrowser(factory.CreatePageClient());
        var options = await OptionsAsync(browser, "/account/login", "main form[data-passkey]", "/account/login?handler=PasskeyOptions");
        var response = await browser.SubmitAsync("/account/login", new Dictionary<string, string> { ["CredentialJson"] = authenticator.Get(options, signWith) }, "main form[data-passkey]");
        return (browser, response);
    }

    [Fact]
    public async Task A_passkey_added_on_the_account_page_signs_the_person_in()
    {
        var email = InnerAllyFactory.NewEmail();
        var owner = await PageBrowser.RegisterAsync(factory, email);
        using var phone = new SoftAuthenticator();

        var added = await AddAsync(owner, phone);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var list = await owner.OpenAsync("/account/passkeys");
        Assert.Contains("Test phone", list.QuerySelector(".passkey-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("passkey is saved", list.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var userId = factory.WithDb(db => db.Users.Single(u => u.Email == email).Id);
        Assert.Equal(1, factory.WithDb(db => db.UserPasskeys.Count(p => p.UserId == userId)));

        var (browser, signIn) = await SignInAsync(phone);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/check-ins"));
    }

    [Fact]
    public async Task A_signature_from_another_key_does_not_sign_in()
    {
        var owner = await PageBrowser.RegisterAsync(factory);
        using var phone = new SoftAuthenticator();
        await AddAsync(owner, phone);
        using var impostor = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var (browser, response) = await SignInAsync(phone, impostor);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("did not sign you in", (await PageBrowser.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await browser.StatusOfAsync("/check-ins"));
    }

    [Fact]
    public async Task A_passkey_made_for_another_site_is_refused()
    {
        var email = InnerAllyFactory.NewEmail();
        var owner = await PageBrowser.RegisterAsync(factory, email);
        using var phishing = new SoftAuthenticator { Origin = "https://innerally.example.net" };

        var response = await AddAsync(owner, phishing);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("could not be saved", (await PageBrowser.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var userId = factory.WithDb(db => db.Users.Single(u => u.Email == email).Id);
        Assert.Equal(0, factory.WithDb(db => db.UserPasskeys.Count(p => p.UserId == userId)));
    }

    [Fact]
    public async Task A_passkey_that_does_not_check_who_is_holding_the_device_is_refused()
    {
        var owner = await PageBrowser.RegisterAsync(factory);
        using var key = new SoftAuthenticator { VerifiesUser = false };

        var response = await AddAsync(owner, key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await owner.OpenAsync("/account/passkeys")).QuerySelectorAll(".passkey-list li"));
    }

    [Fact]
    public async Task A_credential_sent_without_asking_for_options_first_is_refused()
    {
        var owner = await PageBrowser.RegisterAsync(factory);
        using var phone = new SoftAuthenticator();
        var options = await OptionsAsync(owner, "/account/passkeys", "main form[data-passkey]", "/account/passkeys?handler=CreationOptions");
        var credential = phone.Create(options);
        await owner.SubmitAsync("/account/passkeys", new Dictionary<string, string> { ["CredentialJson"] = credential }, "main form[data-passkey]");

        // The same answer again: its challenge has been used.
        var replay = await owner.SubmitAsync("/account/passkeys", new Dictionary<string, string> { ["CredentialJson"] = credential }, "main form[data-passkey]");

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Single((await owner.OpenAsync("/account/passkeys")).QuerySelectorAll(".passkey-list li"));
    }

    [Fact]
    public async Task A_removed_passkey_no_longer_signs_in()
    {
        var owner = await PageBrowser.RegisterAsync(factory);
        using var phone = new SoftAuthenticator();
        await AddAsync(owner, phone);

        var removed = await owner.SubmitAsync("/account/passkeys", [], "main .passkey-list form");
        var (_, response) = await SignInAsync(phone);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty((await owner.OpenAsync("/account/passkeys")).QuerySelectorAll(".passkey-list li"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Someone_elses_passkey_cannot_be_removed()
    {
        var owner = await PageBrowser.RegisterAsync(factory);
        using var phone = new SoftAuthenticator();
        await AddAsync(owner, phone);
        var id = (await owner.OpenAsync("/account/passkeys")).QuerySelector(".passkey-list input[name=id]")!.GetAttribute("value")!;
        var other = await PageBrowser.RegisterAsync(factory);

        var token = (await other.OpenAsync("/account/passkeys")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await other.Client.PostAsync("/account/passkeys?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = id, ["__RequestVerificationToken"] = token }), PageBrowser.Cancel);

        Assert.Single((await owner.OpenAsync("/account/passkeys")).QuerySelectorAll(".passkey-list li"));
        var (_, signIn) = await SignInAsync(phone);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Adding_or_removing_a_passkey_signs_out_every_other_session_and_keeps_this_one()
    {
        var email = InnerAllyFactory.NewEmail();
        var owner = await PageBrowser.RegisterAsync(factory, email);
        var laptop = await PageBrowser.SignInAsync(factory, email);
        using var phone = new SoftAuthenticator();

        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync(owner, phone)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await laptop.StatusOfAsync("/check-ins"));
        Assert.Equal(HttpStatusCode.OK, await owner.StatusOfAsync("/check-ins"));

        var tablet = await PageBrowser.SignInAsync(factory, email);
        var removed = await owner.SubmitAsync("/account/passkeys", [], "main .passkey-list form");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await tablet.StatusOfAsync("/check-ins"));
        Assert.Equal(HttpStatusCode.OK, await owner.StatusOfAsync("/check-ins"));
    }

    [Fact]
    public async Task Signed_in_with_a_passkey_the_password_is_asked_before_passkeys_change_and_nothing_changes_without_it()
    {
        var email = InnerAllyFactory.NewEmail();
        var owner = await PageBrowser.RegisterAsync(factory, email);
        using var phone = new SoftAuthenticator();
        await AddAsync(owner, phone);
        var id = (await owner.OpenAsync("/account/passkeys")).QuerySelector(".passkey-list input[name=id]")!.GetAttribute("value")!;
        var (found, _) = await SignInAsync(phone); // a phone left signed in, found by someone else

        var open = await found.Client.GetAsync("/account/passkeys", PageBrowser.Cancel);
        PageBrowser.AssertRedirectsTo(open, "/account/confirm?returnUrl=%2Faccount%2Fpasskeys");
        var token = (await found.OpenAsync("/account/change-password")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var remove = await found.Client.PostAsync("/account/passkeys?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = id, ["__RequestVerificationToken"] = token }), PageBrowser.Cancel);
        PageBrowser.AssertRedirectsTo(remove, "/account/confirm");
        using var options = new HttpRequestMessage(HttpMethod.Post, "/account/passkeys?handler=CreationOptions");
        options.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.Forbidden, (await found.Client.SendAsync(options, PageBrowser.Cancel)).StatusCode);
        var userId = factory.WithDb(db => db.Users.Single(u => u.Email == email).Id);
        Assert.Equal(1, factory.WithDb(db => db.UserPasskeys.Count(p => p.UserId == userId)));

        var confirmed = await found.SubmitAsync(open.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Input.Password"] = InnerAllyFactory.GoodPassword });
        PageBrowser.AssertRedirectsTo(confirmed, "/account/passkeys");
        var removed = await found.SubmitAsync("/account/passkeys", [], "main .passkey-list form");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, factory.WithDb(db => db.UserPasskeys.Count(p => p.UserId == userId)));
    }

    [Fact]
    public async Task Without_script_the_passkey_controls_stay_out_of_the_way()
    {
        var login = await new PageBrowser(factory.CreatePageClient()).OpenAsync("/account/login");

        Assert.True(login.QuerySelector("form[data-passkey]")!.HasAttribute("hidden"));
        Assert.NotNull(login.QuerySelector("script[type=module][src^='/js/passkeys']"));
    }
}
