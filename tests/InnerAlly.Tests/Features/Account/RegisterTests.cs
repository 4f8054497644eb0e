using System.Net;
using InnerAlly.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnerAlly.Tests.Features.Account;

/// <summary>/account/register with email off: a new person is signed in at once.</summary>
public sealed class RegisterTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private async Task<(HttpResponseMessage Response, string Email)> RegisterAsync(string password, string? confirm = null, string? email = null, string timeZone = "Europe/London") =>
        await RegisterAsync(new PageBrowser(factory.CreatePageClient()), password, confirm, email, timeZone);

    private static async Task<(HttpResponseMessage Response, string Email)> RegisterAsync(
        PageBrowser browser, string password, string? confirm = null, string? email = null, string timeZone = "Europe/London", string country = "")
    {
        email ??= InnerAllyFactory.NewEmail();
        var response = await browser.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
            ["Input.TimeZone"] = timeZone,
            ["Input.Country"] = country,
        });
        return (response, email);
    }

    /// <summary>Issue 15: the country was first asked on the first visit to help, perhaps in a crisis; now it is asked once, on creating the account.</summary>
    [Fact]
    public async Task A_country_chosen_on_registering_is_kept_on_the_account_and_this_device_and_help_shows_its_lines_without_asking()
    {
        var browser = new PageBrowser(factory.CreatePageClient());

        var (response, email) = await RegisterAsync(browser, InnerAllyFactory.GoodPassword, country: "NZ");
        var help = await browser.OpenAsync("/help");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("NZ", factory.WithDb(db => db.Users.Single(u => u.Email == email).Country));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("innerally-country=NZ;", StringComparison.Ordinal));
        Assert.Null(help.QuerySelector("#where"));
        Assert.Contains("1737", help.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaving_the_country_for_later_makes_the_account_without_one_and_help_asks_then()
    {
        var browser = new PageBrowser(factory.CreatePageClient());

        var (response, email) = await RegisterAsync(browser, InnerAllyFactory.GoodPassword);
        var help = await browser.OpenAsync("/help");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(factory.WithDb(db => db.Users.Single(u => u.Email == email).Country));
        Assert.NotNull(help.QuerySelector("#where #help-country"));
    }

    [Fact]
    public async Task An_unknown_country_is_refused_beside_its_field_and_no_account_is_made()
    {
        var browser = new PageBrowser(factory.CreatePageClient());

        var (response, email) = await RegisterAsync(browser, InnerAllyFactory.GoodPassword, country: "ZZ");
        var page = await PageBrowser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a country from the list", PageBrowser.FieldError(page, "country"), StringComparison.Ordinal);
        Assert.Equal(email, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#email")!).Value);
        Assert.Equal(0, AccountsWith(email));
    }

    private int AccountsWith(string email)
    {
        var normalized = email.ToUpperInvariant();
        return factory.WithDb(db => db.Users.Count(u => u.NormalizedEmail == normalized));
    }

    [Fact]
    public async Task Registering_signs_the_person_in_and_they_can_open_a_new_check_in()
    {
        var browser = await PageBrowser.RegisterAsync(factory);

        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/check-ins/new"));
    }

    [Fact]
    public async Task Register_page_names_the_password_hint_and_has_a_time_zone_field_for_the_browser()
    {
        var page = await new PageBrowser(factory.CreatePageClient()).OpenAsync("/account/register");

        Assert.Contains("at least 12 characters; a few unrelated words work well", page.QuerySelector("#password-hint")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("password-hint", page.QuerySelector("#password")!.GetAttribute("aria-describedby"));
        Assert.NotNull(page.QuerySelector("input[type=hidden][name='Input.TimeZone'][data-timezone]"));
        Assert.NotNull(page.QuerySelector("label[for=email]"));
    }

    [Fact]
    public async Task The_browsers_time_zone_is_saved_and_an_unknown_one_falls_back_to_UTC()
    {
        var (_, tokyo) = await RegisterAsync(InnerAllyFactory.GoodPassword, timeZone: "Asia/Tokyo");
        var (_, mars) = await RegisterAsync(InnerAllyFactory.GoodPassword, timeZone: "Mars/Olympus_Mons");

        Assert.Equal("Asia/Tokyo", factory.WithDb(db => db.Users.Single(u => u.Email == tokyo).TimeZoneId));
        Assert.Equal("UTC", factory.WithDb(db => db.Users.Single(u => u.Email == mars).TimeZoneId));
    }

    [Theory]
    [InlineData("short pass", "at least 12 characters")]
    [InlineData("password1234", "most common")]
    [InlineData("aaaaaaaaaaaaaaaa", "most common")]
    [InlineData("innerally compassion", "most common")]
    [InlineData("gentle harbour evening tide", "most common")]
    public async Task Weak_short_or_common_password_is_explained_beside_the_field_and_no_account_is_made(string password, string expected)
    {
        var (response, email) = await RegisterAsync(password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageBrowser.ParseAsync(response);
        Assert.Contains(expected, PageBrowser.FieldError(page, "password"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, AccountsWith(email));
    }

    [Fact]
    public async Task Password_over_256_characters_is_explained_and_no_account_is_made()
    {
        var (response, email) = await RegisterAsync(string.Concat(Enumerable.Repeat("gentle ", 37)).PadRight(257, 'x')[..257]);

        var page = await PageBrowser.ParseAsync(response);
        Assert.Contains("up to 256 characters", PageBrowser.FieldError(page, "password"), StringComparison.Ordinal);
        Assert.Equal(0, AccountsWith(email));
    }

    [Fact]
    public async Task Different_confirmation_is_explained_beside_it_and_no_account_is_made()
    {
        var (response, email) = await RegisterAsync(InnerAllyFactory.GoodPassword, confirm: "quiet river under evening light");

        var page = await PageBrowser.ParseAsync(response);
        Assert.Contains("not the same", PageBrowser.FieldError(page, "confirm-password"), StringComparison.Ordinal);
        Assert.Null(PageBrowser.FieldError(page, "password"));
        Assert.Equal(0, AccountsWith(email));
        Assert.Equal(email, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#email")!).Value);
        Assert.Equal(string.Empty, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#password")!).Value);
    }

    [Fact]
    public async Task Same_email_twice_is_explained_beside_the_email_and_only_one_account_exists()
    {
        var (_, email) = await RegisterAsync(InnerAllyFactory.GoodPassword);

        var (response, _) = await RegisterAsync("another calm meadow at dusk", email: email.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageBrowser.ParseAsync(response);
        Assert.Contains("already an account", PageBrowser.FieldError(page, "email"), StringComparison.Ordinal);
        Assert.Equal(1, AccountsWith(email));
    }

    [Fact]
    public async Task Only_local_return_urls_are_followed()
    {
        var browser = new PageBrowser(factory.CreatePageClient());
        var response = await browser.SubmitAsync("/account/register?returnUrl=https%3A%2F%2Fexample.org%2Fsteal", new Dictionary<string, string>
        {
            ["Input.Email"] = InnerAllyFactory.NewEmail(),
            ["Input.Password"] = InnerAllyFactory.GoodPassword,
            ["Input.ConfirmPassword"] = InnerAllyFactory.GoodPassword,
        });

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Creation_time_is_recorded()
    {
        var (_, email) = await RegisterAsync(InnerAllyFactory.GoodPassword);

        var created = factory.WithDb(db => db.Users.AsNoTracking().Single(u => u.Email == email).CreatedAt);
        Assert.InRange(created, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
    }
}
