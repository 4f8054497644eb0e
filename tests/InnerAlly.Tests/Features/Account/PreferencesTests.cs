using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Account;

/// <summary>
/// The time zone a person's days are counted in, and the country whose crisis lines come first,
/// on /account and at /api/v1/account/preferences.
/// </summary>
public sealed class PreferencesTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string ZoneForm = "main form[action*='handler=TimeZone']";

    private const string CountryForm = "main form[action*='handler=Country']";

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
    public async Task Country_chosen_on_the_account_page_is_saved_and_can_be_cleared()
    {
        var email = InnerAllyFactory.NewEmail();
        var browser = await PageBrowser.RegisterAsync(factory, email);

        var chosen = await browser.SubmitAsync("/account", new Dictionary<string, string> { ["Preferences.Country"] = "NZ" }, CountryForm);

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("NZ", factory.WithDb(db => db.Users.Single(u => u.Email == email).Country));
        var page = await browser.OpenAsync("/account");
        Assert.Equal("NZ", page.QuerySelector("#country option[selected]")!.GetAttribute("value"));
        Assert.Contains("saved: New Zealand. Help pages now show its crisis lines first", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        // Saving the country leaves the time zone alone, and the other way round.
        Assert.Equal("UTC", factory.WithDb(db => db.Users.Single(u => u.Email == email).TimeZoneId));
        await browser.SubmitAsync("/account", new Dictionary<string, string> { ["Preferences.TimeZone"] = "Pacific/Auckland" }, ZoneForm);
        Assert.Equal("NZ", factory.WithDb(db => db.Users.Single(u => u.Email == email).Country));

        var cleared = await browser.SubmitAsync("/account", new Dictionary<string, string> { ["Preferences.Country"] = "" }, CountryForm);

        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Null(factory.WithDb(db => db.Users.Single(u => u.Email == email).Country));
        Assert.Equal("", (await browser.OpenAsync("/account")).QuerySelector("#country option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Account_page_offers_every_country_by_name()
    {
        var browser = await PageBrowser.RegisterAsync(factory);

        var page = await browser.OpenAsync("/account");

        var options = page.QuerySelectorAll("#country option").Select(o => (Code: o.GetAttribute("value"), Name: o.TextContent.Trim())).ToList();
        Assert.Equal(("", "Not chosen"), options[0]);
        Assert.Contains(("GB", "United Kingdom"), options);
        Assert.Contains(("DE", "Germany"), options);
        Assert.Contains(("EH", "Western Sahara"), options);
        Assert.Equal(250, options.Count - 1);
        var names = options.Skip(1).Select(o => o.Name).ToList();
        Assert.Equal(names.Order(StringComparer.InvariantCultureIgnoreCase), names);
    }

    [Fact]
    public async Task Unknown_country_on_the_page_is_explained_beside_the_field_and_nothing_changes()
    {
        var email = InnerAllyFactory.NewEmail();
        var browser = await PageBrowser.RegisterAsync(factory, email);
        await browser.SubmitAsync("/account", new Dictionary<string, string> { ["Preferences.Country"] = "IE" }, CountryForm);

        var response = await browser.SubmitAsync("/account", new Dictionary<string, string> { ["Preferences.Country"] = "XX" }, CountryForm);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageBrowser.ParseAsync(response);
        Assert.Contains("Choose a country from the list", PageBrowser.FieldError(page, "country"), StringComparison.Ordinal);
        Assert.Null(PageBrowser.FieldError(page, "time-zone"));
        Assert.Equal("IE", factory.WithDb(db => db.Users.Single(u => u.Email == email).Country));
    }

    [Fact]
    public async Task Api_reads_changes_and_clears_the_country()
    {
        var client = await factory.CreateSignedInApiClientAsync();

        var before = await client.GetFromJsonAsync<JsonElement>("/api/v1/account/preferences", Cancel);
        var put = await client.PutAsJsonAsync("/api/v1/account/preferences", new { timeZone = "Australia/Sydney", country = "au" }, Cancel);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/v1/account/preferences", Cancel);
        var clear = await client.PutAsJsonAsync("/api/v1/account/preferences", new { timeZone = "Australia/Sydney", country = (string?)null }, Cancel);
        var cleared = await client.GetFromJsonAsync<JsonElement>("/api/v1/account/preferences", Cancel);

        Assert.Equal(JsonValueKind.Null, before.GetProperty("country").ValueKind);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("AU", (await put.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("country").GetString());
        Assert.Equal("AU", after.GetProperty("country").GetString());
        Assert.Equal(HttpStatusCode.OK, clear.StatusCode);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("country").ValueKind);
    }

    [Theory]
    [InlineData("\"XX\"")]
    [InlineData("\"GBR\"")]
    [InlineData("\"United Kingdom\"")]
    public async Task Api_answers_400_naming_country_for_an_unknown_code_and_saves_nothing(string value)
    {
        var client = await factory.CreateSignedInApiClientAsync();

        var response = await client.PutAsync("/api/v1/account/preferences", new StringContent($"{{\"timeZone\":\"Asia/Tokyo\",\"country\":{value}}}", System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty("country", out var messages), problem.ToString());
        Assert.Contains("Choose a country", messages[0].GetString(), StringComparison.Ordinal);
        var unchanged = await client.GetFromJsonAsync<JsonElement>("/api/v1/account/preferences", Cancel);
        Assert.Equal("UTC", unchanged.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Api_needs_a_bearer_token()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/account/preferences", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
