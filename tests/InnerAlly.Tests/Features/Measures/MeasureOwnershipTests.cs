using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InnerAlly.Data;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Measures;

/// <summary>Someone else's responses answer 404 or are absent; answers are sealed at rest like every note.</summary>
public sealed class MeasureOwnershipTests(InnerAllyFactory factory, ITestOutputHelper output) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Owner, HttpClient Other, Guid Id)> ArrangeAsync()
    {
        var owner = await factory.CreateClientForNewPersonAsync();
        var other = await factory.CreateClientForNewPersonAsync();
        var body = await RecordResponseApiTests.PostAsync(owner, "phq9", RecordResponseApiTests.Phq9(3, 3, 3, 3, 3, 3, 3, 3, 2));
        return (owner, other, body.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Owner_gets_their_response_and_another_person_gets_404()
    {
        var (owner, other, id) = await ArrangeAsync();

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/instruments/phq9/responses/{id}", Cancel)).StatusCode);
        var theirs = await other.GetAsync($"/api/v1/instruments/phq9/responses/{id}", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.DoesNotContain("answers", await theirs.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_persons_list_is_empty_and_they_cannot_delete_it()
    {
        var (owner, other, id) = await ArrangeAsync();

        var list = await other.GetFromJsonAsync<JsonElement>("/api/v1/instruments/phq9/responses", Cancel);
        var delete = await other.DeleteAsync($"/api/v1/instruments/phq9/responses/{id}", Cancel);

        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/instruments/phq9/responses/{id}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_response_is_found_only_under_its_own_questionnaire_and_the_owner_can_delete_it()
    {
        var (owner, _, id) = await ArrangeAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/instruments/gad7/responses/{id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/v1/instruments/phq9/responses/{id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/instruments/phq9/responses/{id}", Cancel)).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/instruments")]
    [InlineData("/api/v1/instruments/phq9")]
    [InlineData("/api/v1/instruments/phq9/responses")]
    public async Task Without_a_token_it_is_401(string url)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(url, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Answers_are_stored_sealed_and_read_back_as_given()
    {
        var email = InnerAllyFactory.NewEmail();
        var client = await factory.CreateClientForNewPersonAsync(email);
        // A pattern no other row would hold, in the form the answers would take if stored as plain JSON.
        var answers = new Dictionary<string, int> { ["1"] = 3, ["2"] = 1, ["3"] = 2, ["4"] = 0, ["5"] = 3, ["6"] = 1, ["7"] = 2, ["8"] = 0, ["9"] = 1 };
        var plain = JsonSerializer.Serialize(answers);

        var body = await RecordResponseApiTests.PostAsync(client, "phq9", new { answers });
        var id = body.GetProperty("id").GetGuid();

        if (factory.Database.Provider == DatabaseProvider.Sqlite)
        {
            var stored = factory.Database.ReadSqliteFiles();
            output.WriteLine($"Scanned {stored.Length} bytes of database file and WAL.");
            Assert.True(Contains(stored, email), "The scan should see plain columns (the email).");
            Assert.False(Contains(stored, plain), "The answers are readable in the SQLite file or its WAL.");
            Assert.False(Contains(stored, "\"5\":3,\"6\":1"), "Part of the answers is readable in the SQLite file or its WAL.");
        }

        var rows = await factory.Database.QueryAsync("""SELECT "Id", "Answers" FROM "MeasureResponses" """, r => (Id: r.GetValue(0).ToString(), Answers: (byte[])r.GetValue(1)), cancellationToken: Cancel);
        var raw = rows.Single(r => Guid.Parse(r.Id!) == id).Answers;
        Assert.Equal(ProtectedTextConverter.Version, raw[0]);
        Assert.False(Contains(raw, plain));

        var fetched = await client.GetFromJsonAsync<JsonElement>($"/api/v1/instruments/phq9/responses/{id}", Cancel);
        Assert.Equal(plain, JsonSerializer.Serialize(fetched.GetProperty("answers")));
    }

    private static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
