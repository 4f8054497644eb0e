using System.Net;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Account;

/// <summary>/account/change-password: this session carries on, every other one ends.</summary>
public sealed class ChangePasswordTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private const string NewPassword = "lanterns drift over the harbour";

    private static Dictionary<string, string> Fields(string current, string next, string? confirm = null) => new()
    {
        ["Input.CurrentPassword"] = current,
        ["Input.NewPassword"] = next,
        ["Input.ConfirmPassword"] = confirm ?? next,
    };

    [Fact]
    public async Task New_password_keeps_this_session_and_ends_the_others()
    {
        var email = InnerAllyFactory.NewEmail();
        var here = await PageBrowser.RegisterAsync(factory, email);
        var elsewhere = await PageBrowser.SignInAsync(factory, email);

        var response = await here.SubmitAsync("/account/change-password", Fields(InnerAllyFactory.GoodPassword, NewPassword));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var account = await here.OpenAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Your password is changed", account.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await here.StatusOfAsync("/check-ins"));
        Assert.Equal(HttpStatusCode.Redirect, await elsewhere.StatusOfAsync("/check-ins"));
        Assert.Equal(HttpStatusCode.Redirect, (await new PageBrowser(factory.CreatePageClient()).SignInAsync(email, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await new PageBrowser(factory.CreatePageClient()).SignInAsync(email, InnerAllyFactory.GoodPassword)).StatusCode);
    }

    [Fact]
    public async Task Wrong_current_password_is_explained_beside_it()
    {
        var browser = await PageBrowser.RegisterAsync(factory);

        var response = await browser.SubmitAsync("/account/change-password", Fields("this is not it at all", NewPassword));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageBrowser.ParseAsync(response);
        Assert.Contains("not your current password", PageBrowser.FieldError(page, "current-password"), StringComparison.Ordinal);
        Assert.Null(PageBrowser.FieldError(page, "new-password"));
    }

    [Fact]
    public async Task Common_new_password_is_explained_beside_it()
    {
        var browser = await PageBrowser.RegisterAsync(factory);

        var page = await PageBrowser.ParseAsync(await browser.SubmitAsync("/account/change-password", Fields(InnerAllyFactory.GoodPassword, "password1234")));

        Assert.Contains("most common", PageBrowser.FieldError(page, "new-password"), StringComparison.Ordinal);
    }
}
