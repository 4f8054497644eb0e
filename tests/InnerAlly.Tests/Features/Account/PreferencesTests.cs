using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Account;

/// <summary>The time zone a person's days are counted in, on /account and at /api/v1/account/preferences.</summary>
public sealed class PreferencesTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string ZoneForm = "main form[action*='handler=TimeZone']";

    [Fact]
    public async Task Time_zone_chosen_on_the_account_page_is_saved()
    {
        var email = InnerAllyFactory.NewEmail();
        var browser = await PageBrowser.RegisterAsync(factory, email);

        var response = await browser.SubmitAsync("/account", new Dictionary<string, string> { ["Preferences.TimeZone"] = "Asia/Tokyo" }, ZoneForm);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Asia/Tokyo", factory.WithDb(db => db.Users.Single(u => u.Email == email).TimeZoneId));
        var page = await browser.OpenAsync("/account");
        Assert.Equal("Asia/Tokyo", page.QuerySelector("#time-zone option[selected]")!.GetAttribute("value"));
        Assert.Contains("time zone is saved", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_time_zone_on_the_page_is_explained_beside_the_field()
    {
        var email = InnerAllyFactory.NewEmail();
        var browser = await PageBrowser.RegisterAsync(factory, email);

        var response = await browser.SubmitAsync("/account", new Dictionary<string, string> { ["Preferences.TimeZone"] = "Mars/Olympus_Mons" }, ZoneForm);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a time zone", PageBrowser.FieldError(await PageBrowser.ParseAsync(response), "time-zone"), StringComparison.Ordinal);
        Assert.Equal("UTC", factory.WithDb(db => db.Users.Single(u => u.Email == email).TimeZoneId));
    }

    [Fact]
    public async Task Account_page_lists_iana_zones_and_shows_the_email()
    {
        var email = InnerAllyFactory.NewEmail();
        var browser = await PageBrowser.RegisterAsync(factory, email);

        var page = await browser.OpenAsync("/account");

        Assert.Contains(email, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var zones = page.QuerySelectorAll("#time-zone option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("Europe/London", zones);
        Assert.Contains("America/New_York", zones);
        Assert.NotNull(page.QuerySelector("a[href='/account/change-password']"));
        Assert.NotNull(page.QuerySelector("a[href='/account/two-factor']"));
    }

    [Fact]
    public async Task Api_reads_and_changes_the_time_zone()
    {
        var client = await factory.CreateSignedInApiClientAsync();

        var before = await client.GetFromJsonAsync<JsonElement>("/api/v1/account/preferences", Cancel);
        var put = await client.PutAsJsonAsync("/api/v1/account/preferences", new { timeZone = "America/New_York" }, Cancel);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/v1/account/preferences", Cancel);

        Assert.Equal("UTC", before.GetProperty("timeZone").GetString());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("America/New_York", after.GetProperty("timeZone").GetString());
    }

    [Theory]
    [InlineData("\"Mars/Olympus_Mons\"")]
    [InlineData("\"\"")]
    [InlineData("null")]
    public async Task Api_answers_400_naming_timeZone_for_an_unknown_zone(string value)
    {
        var client = await factory.CreateSignedInApiClientAsync();

        var response = await client.PutAsync("/api/v1/account/preferences", new StringContent($"{{\"timeZone\":{value}}}", System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty("timeZone", out _), problem.ToString());
    }

    [Fact]
    public async Task Api_needs_a_bearer_token()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/account/preferences", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
