using System.Net;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Account;

/// <summary>/account/forgot-password and /account/reset-password, through the email folder.</summary>
public sealed class ForgotPasswordTests(EmailFactory factory) : IClassFixture<EmailFactory>
{
    private const string NewPassword = "lanterns drift over the harbour";

    private async Task<string> ConfirmedPersonAsync()
    {
        var email = InnerAllyFactory.NewEmail();
        var browser = new PageBrowser(factory.CreatePageClient());
        await browser.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = InnerAllyFactory.GoodPassword,
            ["Input.ConfirmPassword"] = InnerAllyFactory.GoodPassword,
        });
        await browser.OpenAsync(factory.LinkSentTo(email, "/account/confirm-email"));
        return email;
    }

    [Fact]
    public async Task The_answer_is_the_same_whether_or_not_the_address_has_an_account()
    {
        var email = await ConfirmedPersonAsync();
        var browser = new PageBrowser(factory.CreatePageClient());

        var known = await browser.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var unknown = await browser.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = InnerAllyFactory.NewEmail() });

        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        var page = await browser.OpenAsync(known.Headers.Location!.OriginalString);
        Assert.Contains("If that address has an account", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_password_by_email_does_not_give_fresh_tries_at_two_step_codes()
    {
        var email = await ConfirmedPersonAsync();
        var owner = await PageBrowser.SignInAsync(factory, email);
        var key = (await owner.OpenAsync("/account/two-factor")).QuerySelector(".setup-key")!.TextContent.Trim();
        await owner.SubmitAsync("/account/two-factor", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var guesser = new PageBrowser(factory.CreatePageClient());
        var step = (await guesser.SignInAsync(email, InnerAllyFactory.GoodPassword)).Headers.Location!.OriginalString;
        for (var i = 0; i < 5; i++)
        {
            await guesser.SubmitAsync(step, new Dictionary<string, string> { ["Input.Code"] = Totp.NotCurrent(key) });
        }

        await guesser.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        await guesser.SubmitAsync(factory.LinkSentTo(email, "/account/reset-password"), new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });
        var again = (await guesser.SignInAsync(email, NewPassword)).Headers.Location!.OriginalString;
        var stillPaused = await guesser.SubmitAsync(again, new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        Assert.Equal(HttpStatusCode.OK, stillPaused.StatusCode);
        Assert.Contains("wait a little", (await PageBrowser.ParseAsync(stillPaused)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await guesser.StatusOfAsync("/check-ins"));
    }

    [Fact]
    public async Task The_emailed_link_sets_a_new_password_and_ends_other_sessions()
    {
        var email = await ConfirmedPersonAsync();
        var signedIn = await PageBrowser.SignInAsync(factory, email);
        var browser = new PageBrowser(factory.CreatePageClient());
        await browser.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

        var link = factory.LinkSentTo(email, "/account/reset-password");
        var reset = await browser.SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword });

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("new password is set", (await browser.OpenAsync(reset.Headers.Location!.OriginalString)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await signedIn.StatusOfAsync("/check-ins"));
        Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync(email, InnerAllyFactory.GoodPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(email, NewPassword)).StatusCode);

        var again = await new PageBrowser(factory.CreatePageClient()).SubmitAsync(link, new Dictionary<string, string> { ["Input.Password"] = "another quiet path home", ["Input.ConfirmPassword"] = "another quiet path home" });
        Assert.Contains("did not work", (await PageBrowser.ParseAsync(again)).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weak_new_password_is_explained_beside_the_field()
    {
        var email = await ConfirmedPersonAsync();
        var browser = new PageBrowser(factory.CreatePageClient());
        await browser.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

        var response = await browser.SubmitAsync(factory.LinkSentTo(email, "/account/reset-password"), new Dictionary<string, string> { ["Input.Password"] = "password1234", ["Input.ConfirmPassword"] = "password1234" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("most common", PageBrowser.FieldError(await PageBrowser.ParseAsync(response), "password"), StringComparison.Ordinal);
    }
}
