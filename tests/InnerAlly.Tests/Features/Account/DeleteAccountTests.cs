using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;
using static InnerAlly.Tests.Features.Writing.WritingSamples;

namespace InnerAlly.Tests.Features.Account;

/// <summary>DELETE /api/v1/account: the password, then everything of the person's is gone and their sessions end; nobody else's changes.</summary>
public sealed class DeleteAccountTests(PersonalDataFactory factory) : IClassFixture<PersonalDataFactory>
{
    private const string Url = "/api/v1/account";

    private static HttpRequestMessage Delete(object? body) =>
        new(HttpMethod.Delete, Url) { Content = body is null ? null : JsonContent.Create(body) };

    [Fact]
    public async Task The_row_count_below_covers_every_table_tied_to_an_account()
    {
        var someone = await factory.PersonWithEverythingAsync("counted");

        Assert.Equal(factory.KeyedByUser().OrderBy(t => t.FullName), factory.RowsFor(someone.Id).Keys.OrderBy(t => t.FullName));
    }

    [Fact]
    public async Task Right_password_deletes_every_row_of_the_person_and_ends_their_token()
    {
        var ana = await factory.PersonWithEverythingAsync("amber kettle");
        var ben = await factory.PersonWithEverythingAsync("cobalt lantern");
        factory.AddIdentityRows(ana.Id);
        factory.AddIdentityRows(ben.Id);
        Assert.All(factory.RowsFor(ana.Id), table => Assert.True(table.Value > 0, $"{table.Key.Name} has no row to delete; the test would prove nothing."));
        var bensRows = factory.RowsFor(ben.Id);

        var response = await ana.Client.SendAsync(Delete(new { password = InnerAllyFactory.GoodPassword }), Cancel);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.All(factory.RowsFor(ana.Id), table => Assert.True(table.Value == 0, $"{table.Key.Name} still holds {table.Value} rows."));
        Assert.Equal(bensRows, factory.RowsFor(ben.Id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await ana.Client.GetAsync("/api/v1/check-ins", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ana.Client.GetAsync("/api/v1/account/export", Cancel)).StatusCode);
        var login = await factory.CreateClient().PostAsJsonAsync("/api/v1/account/login", new { email = ana.Email, password = InnerAllyFactory.GoodPassword }, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        var bens = await ben.Client.GetFromJsonAsync<JsonElement>("/api/v1/journal-entries", Cancel);
        Assert.Equal("Today: cobalt lantern.", bens.GetProperty("items")[0].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("not my password at all")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Wrong_or_missing_password_is_400_naming_it_and_nothing_is_deleted(string? password)
    {
        var ana = await factory.PersonWithEverythingAsync("still here");
        var before = factory.RowsFor(ana.Id);

        var response = await ana.Client.SendAsync(Delete(new { password }), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(JsonValueKind.Array, problem.GetProperty("errors").GetProperty("password").ValueKind);
        Assert.Equal(before, factory.RowsFor(ana.Id));
        Assert.Equal(HttpStatusCode.OK, (await ana.Client.GetAsync("/api/v1/check-ins", Cancel)).StatusCode);
    }

    [Fact]
    public async Task No_body_is_400_naming_the_password()
    {
        var client = await factory.CreateSignedInApiClientAsync();

        var response = await client.SendAsync(Delete(null), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _), problem.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/check-ins", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Signed_out_gets_401_and_the_session_cookie_alone_cannot_delete()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().SendAsync(Delete(new { password = InnerAllyFactory.GoodPassword }), Cancel)).StatusCode);
        var email = InnerAllyFactory.NewEmail();
        await factory.CreateSignedInApiClientAsync(email);
        var browser = await PageBrowser.SignInAsync(factory, email);

        var response = await browser.Client.SendAsync(Delete(new { password = InnerAllyFactory.GoodPassword }), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/check-ins"));
    }
}
