using System.Net;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Account;

/// <summary>With email on, a new address is confirmed by a link before the first sign-in.</summary>
public sealed class ConfirmEmailTests(EmailFactory factory) : IClassFixture<EmailFactory>
{
    private async Task<(PageBrowser Browser, HttpResponseMessage Response)> RegisterAsync(string email)
    {
        var browser = new PageBrowser(factory.CreatePageClient());
        var response = await browser.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = InnerAllyFactory.GoodPassword,
            ["Input.ConfirmPassword"] = InnerAllyFactory.GoodPassword,
        });
        return (browser, response);
    }

    [Fact]
    public async Task Registering_asks_to_confirm_then_the_emailed_link_confirms_and_sign_in_works()
    {
        var email = InnerAllyFactory.NewEmail();
        var (browser, registered) = await RegisterAsync(email);
        Assert.Equal("/account/register-confirmation", registered.Headers.Location?.OriginalString);
        Assert.Contains("Check your email", (await browser.OpenAsync("/account/register-confirmation")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await browser.StatusOfAsync("/check-ins"));

        var early = await browser.SignInAsync(email, InnerAllyFactory.GoodPassword);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        var message = (await PageBrowser.ParseAsync(early)).QuerySelector("[role=alert]")!;
        Assert.Contains("confirm your email address first", message.TextContent, StringComparison.Ordinal);
        Assert.NotNull(message.QuerySelector("a[href='/account/resend-confirmation']"));

        var link = factory.LinkSentTo(email, "/account/confirm-email");
        var confirmed = await browser.OpenAsync(link);
        Assert.Contains("confirmed", confirmed.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var signIn = await browser.SignInAsync(email, InnerAllyFactory.GoodPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/check-ins"));
    }

    [Fact]
    public async Task Unconfirmed_account_with_a_wrong_password_learns_nothing_about_confirmation()
    {
        var email = InnerAllyFactory.NewEmail();
        var (browser, _) = await RegisterAsync(email);

        var page = await PageBrowser.ParseAsync(await browser.SignInAsync(email, "a wrong password entirely"));

        Assert.Equal(InnerAlly.Features.Account.LoginModel.WrongDetails, PageBrowser.FieldError(page, "password"));
        Assert.DoesNotContain("confirm", page.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_damaged_link_says_so_kindly_and_offers_a_new_one()
    {
        var email = InnerAllyFactory.NewEmail();
        var (browser, _) = await RegisterAsync(email);
        var link = factory.LinkSentTo(email, "/account/confirm-email");

        var page = await browser.OpenAsync(link[..^6]);

        Assert.Contains("did not work", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/account/resend-confirmation']"));
    }

    [Fact]
    public async Task Sending_the_link_again_answers_the_same_for_unknown_addresses_and_sends_a_working_link()
    {
        var email = InnerAllyFactory.NewEmail();
        var (browser, _) = await RegisterAsync(email);
        var before = Directory.GetFiles(factory.PickupDirectory).Length;

        var known = await browser.SubmitAsync("/account/resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = email });
        var unknown = await browser.SubmitAsync("/account/resend-confirmation", new Dictionary<string, string> { ["Input.Email"] = InnerAllyFactory.NewEmail() });

        Assert.Equal(known.Headers.Location, unknown.Headers.Location);
        Assert.Equal(before + 1, Directory.GetFiles(factory.PickupDirectory).Length);
        var confirmed = await browser.OpenAsync(factory.LinkSentTo(email, "/account/confirm-email"));
        Assert.Contains("confirmed", confirmed.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_page_offers_the_forgotten_password_link_when_email_is_on()
    {
        var page = await new PageBrowser(factory.CreatePageClient()).OpenAsync("/account/login");

        Assert.NotNull(page.QuerySelector("a[href='/account/forgot-password']"));
    }
}
