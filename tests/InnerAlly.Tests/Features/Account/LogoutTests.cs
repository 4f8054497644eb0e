using System.Net;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Account;

/// <summary>Signing out ends this session and every other one for the same person.</summary>
public sealed class LogoutTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    [Fact]
    public async Task Signing_out_on_one_device_signs_out_the_others()
    {
        var email = InnerAllyFactory.NewEmail();
        var phone = await PageBrowser.RegisterAsync(factory, email);
        var laptop = await PageBrowser.SignInAsync(factory, email);
        Assert.Equal(HttpStatusCode.OK, await laptop.StatusOfAsync("/check-ins"));

        var signOut = await phone.SubmitAsync("/account", [], "main form[action='/account/logout']");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/account/login", signOut.Headers.Location?.OriginalString);
        Assert.Equal("\"storage\"", string.Join(", ", signOut.Headers.GetValues("Clear-Site-Data")));
        Assert.Equal(HttpStatusCode.Redirect, await phone.StatusOfAsync("/check-ins"));
        var laptopNext = await laptop.Client.GetAsync("/check-ins", PageBrowser.Cancel);
        Assert.Equal(HttpStatusCode.Redirect, laptopNext.StatusCode);
        Assert.StartsWith("/account/login", laptopNext.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_is_in_the_navigation_for_signed_in_people_and_says_so_afterwards()
    {
        var browser = await PageBrowser.RegisterAsync(factory);
        var page = await browser.OpenAsync("/check-ins/new");
        var navForm = page.QuerySelector("nav form[action='/account/logout'][method=post]");
        Assert.NotNull(navForm);
        Assert.NotNull(navForm.QuerySelector("input[name=__RequestVerificationToken]"));

        var response = await browser.SubmitAsync("/check-ins/new", [], "nav form");
        var login = await browser.OpenAsync(response.Headers.Location!.OriginalString);

        Assert.Contains("You are signed out", login.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(login.QuerySelector("nav form"));
    }

    [Fact]
    public async Task Sign_out_by_get_does_not_sign_out()
    {
        var browser = await PageBrowser.RegisterAsync(factory);

        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/account/logout"));
        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/check-ins"));
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused()
    {
        var browser = await PageBrowser.RegisterAsync(factory);

        var response = await browser.Client.PostAsync("/account/logout", new FormUrlEncodedContent([]), PageBrowser.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/check-ins"));
    }
}
