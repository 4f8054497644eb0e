using System.Net;
using System.Net.Http.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Account;

/// <summary>/account/login and the API's login: wrong passwords, the pause for new devices, return URLs.</summary>
public sealed class LoginTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<string> NewPersonAsync()
    {
        var email = InnerAllyFactory.NewEmail();
        await PageBrowser.RegisterAsync(factory, email);
        return email;
    }

    [Fact]
    public async Task Right_password_signs_in_and_opens_check_ins()
    {
        var email = await NewPersonAsync();

        var browser = await PageBrowser.SignInAsync(factory, email);

        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/check-ins"));
    }

    [Fact]
    public async Task Wrong_password_shows_a_message_beside_the_password_and_does_not_sign_in()
    {
        var email = await NewPersonAsync();
        var browser = new PageBrowser(factory.CreatePageClient());

        var response = await browser.SignInAsync(email, "not my password at all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageBrowser.ParseAsync(response);
        Assert.Contains("do not match", PageBrowser.FieldError(page, "password"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await browser.StatusOfAsync("/check-ins"));
    }

    [Fact]
    public async Task Unknown_email_gets_the_same_message_as_a_wrong_password()
    {
        var browser = new PageBrowser(factory.CreatePageClient());

        var page = await PageBrowser.ParseAsync(await browser.SignInAsync(InnerAllyFactory.NewEmail(), InnerAllyFactory.GoodPassword));

        Assert.Equal(LoginMessage, PageBrowser.FieldError(page, "password"));
    }

    private static string LoginMessage => InnerAlly.Features.Account.LoginModel.WrongDetails;

    [Fact]
    public async Task Five_wrong_passwords_pause_sign_in_from_a_new_device_even_with_the_right_password()
    {
        var email = await NewPersonAsync();
        var browser = new PageBrowser(factory.CreatePageClient());
        for (var i = 0; i < 5; i++)
        {
            await browser.SignInAsync(email, $"wrong guess number {i}");
        }

        var response = await browser.SignInAsync(email, InnerAllyFactory.GoodPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = (await PageBrowser.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("wait a little", message, StringComparison.Ordinal);
        Assert.Contains("for your safety", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("device you have signed in on before", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await browser.StatusOfAsync("/check-ins"));
    }

    [Fact]
    public async Task Api_login_from_a_new_device_answers_429_after_five_wrong_passwords()
    {
        var email = InnerAllyFactory.NewEmail();
        (await factory.CreateClient().PostAsJsonAsync("/api/v1/account/register", new { email, password = InnerAllyFactory.GoodPassword }, Cancel)).EnsureSuccessStatusCode();
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/account/login", new { email, password = $"wrong guess number {i}" }, Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var right = await client.PostAsJsonAsync("/api/v1/account/login", new { email, password = InnerAllyFactory.GoodPassword }, Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", right.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Local_return_url_is_followed_after_sign_in()
    {
        var email = await NewPersonAsync();
        var browser = new PageBrowser(factory.CreatePageClient());

        var response = await browser.SignInAsync(email, InnerAllyFactory.GoodPassword, "/account/login?returnUrl=%2Fcheck-ins%2Fnew");

        Assert.Equal("/check-ins/new", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("https://example.org/")]
    [InlineData("//example.org/")]
    [InlineData("/\\example.org/")]
    public async Task Return_url_to_another_site_is_ignored(string returnUrl)
    {
        var email = await NewPersonAsync();
        var browser = new PageBrowser(factory.CreatePageClient());

        var response = await browser.SignInAsync(email, InnerAllyFactory.GoodPassword, $"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signed_out_visit_to_a_private_page_goes_to_sign_in_and_back()
    {
        var browser = new PageBrowser(factory.CreatePageClient());

        var response = await browser.Client.GetAsync("/check-ins/new", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?ReturnUrl=%2Fcheck-ins%2Fnew", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgotten_password_link_is_not_offered_while_email_is_off()
    {
        var page = await new PageBrowser(factory.CreatePageClient()).OpenAsync("/account/login");

        Assert.Null(page.QuerySelector("a[href='/account/forgot-password']"));
        Assert.Equal(HttpStatusCode.NotFound, await new PageBrowser(factory.CreatePageClient()).StatusOfAsync("/account/forgot-password"));
    }
}
