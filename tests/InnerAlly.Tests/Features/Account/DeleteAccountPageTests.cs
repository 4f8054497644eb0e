using System.Net;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Account;

/// <summary>/account's "Your data" and /account/delete: download a copy, or delete everything with the password.</summary>
public sealed class DeleteAccountPageTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    [Fact]
    public async Task Account_page_offers_the_download_and_the_way_to_delete_and_the_download_works_with_the_cookie()
    {
        var browser = await PageBrowser.RegisterAsync(factory);

        var page = await browser.OpenAsync("/account");

        var section = page.QuerySelector("section[aria-labelledby=data-heading]");
        Assert.NotNull(section);
        Assert.Equal("Your data", section.QuerySelector("h2")!.TextContent.Trim());
        var download = section.QuerySelector("a[download]");
        Assert.Equal("Download my data", download!.TextContent.Trim());
        Assert.NotNull(section.QuerySelector("a[href='/account/delete']"));
        var file = await browser.Client.GetAsync(download.GetAttribute("href"), PageBrowser.Cancel);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Wrong_password_is_explained_beside_it_and_nothing_is_deleted()
    {
        var email = InnerAllyFactory.NewEmail();
        var browser = await PageBrowser.RegisterAsync(factory, email);

        var response = await browser.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Input.Password"] = "this is not it at all" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageBrowser.ParseAsync(response);
        Assert.Contains("not your password", PageBrowser.FieldError(page, "password"), StringComparison.Ordinal);
        Assert.Equal(1, factory.WithDb(db => db.Users.Count(u => u.Email == email)));
        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/check-ins"));
    }

    [Fact]
    public async Task Empty_password_is_asked_for_beside_the_field()
    {
        var browser = await PageBrowser.RegisterAsync(factory);

        var page = await PageBrowser.ParseAsync(await browser.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Input.Password"] = "" }));

        Assert.Contains("type your password", PageBrowser.FieldError(page, "password"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Right_password_deletes_the_account_signs_out_and_says_goodbye()
    {
        var email = InnerAllyFactory.NewEmail();
        var browser = await PageBrowser.RegisterAsync(factory, email);
        var elsewhere = await PageBrowser.SignInAsync(factory, email);

        var response = await browser.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Input.Password"] = InnerAllyFactory.GoodPassword });

        PageBrowser.AssertRedirectsTo(response, "/account/deleted");
        var (goodbyeResponse, goodbye) = await browser.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("\"storage\"", string.Join(", ", goodbyeResponse.Headers.GetValues("Clear-Site-Data")));
        Assert.Equal("Your account is deleted", goodbye.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(goodbye.QuerySelector("nav form[action='/account/logout']"));
        Assert.Equal(0, factory.WithDb(db => db.Users.Count(u => u.Email == email)));
        Assert.Equal("/account/login", await SentToAsync(browser, "/check-ins"));
        Assert.Equal("/account/login", await SentToAsync(elsewhere, "/check-ins"));
        Assert.Equal(HttpStatusCode.OK, (await new PageBrowser(factory.CreatePageClient()).SignInAsync(email, InnerAllyFactory.GoodPassword)).StatusCode);
    }

    [Fact]
    public async Task The_only_admin_of_a_clinic_where_a_therapist_works_is_told_why_and_keeps_the_account()
    {
        var clinic = await new InnerAlly.Tests.Features.CareTeam.CareTeamSetup(factory).ClinicAsync();
        var browser = await PageBrowser.SignInAsync(factory, clinic.AdminEmail);

        var (_, page) = await browser.GetAsync("/account/delete");
        Assert.Contains("only admin of Harbour", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var response = await browser.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Input.Password"] = InnerAllyFactory.GoodPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing has been deleted", PageBrowser.FieldError(await PageBrowser.ParseAsync(response), "password"), StringComparison.Ordinal);
        Assert.Equal(1, factory.WithDb(db => db.Users.Count(u => u.Email == clinic.AdminEmail)));
    }

    [Fact]
    public async Task Delete_page_says_what_goes_and_offers_the_download_first()
    {
        var browser = await PageBrowser.RegisterAsync(factory);

        var page = await browser.OpenAsync("/account/delete");

        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("for good", text, StringComparison.Ordinal);
        Assert.Contains("cannot be undone", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main a[download][href='/api/v1/account/export']"));
        Assert.NotNull(page.QuerySelector("main form input[name=__RequestVerificationToken]"));
        Assert.DoesNotContain("!", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_without_the_antiforgery_token_is_refused()
    {
        var email = InnerAllyFactory.NewEmail();
        var browser = await PageBrowser.RegisterAsync(factory, email);

        var response = await browser.Client.PostAsync("/account/delete",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Password"] = InnerAllyFactory.GoodPassword }), PageBrowser.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, factory.WithDb(db => db.Users.Count(u => u.Email == email)));
    }

    private static async Task<string> SentToAsync(PageBrowser browser, string url)
    {
        var response = await browser.Client.GetAsync(url, PageBrowser.Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath;
    }
}
