using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InnerAlly.Features.Safety;
using InnerAlly.Tests.Features.Account;

namespace InnerAlly.Tests.Features.Safety;

/// <summary>/api/v1/safety-plan: each person reads and replaces their own plan, and only their own.</summary>
public sealed class SafetyPlanApiTests(ClockFactory factory) : IClassFixture<ClockFactory>
{
    private const string Url = "/api/v1/safety-plan";

    private static readonly string[] Fields = ["warningSigns", "copingOnMyOwn", "peopleAndPlaces", "peopleToAsk", "professionals", "saferSurroundings", "mattersMost"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static object FullPlan(string tag) => new
    {
        warningSigns = $"{tag}: I stop answering messages.\nI lie awake going over things.",
        copingOnMyOwn = $"{tag}: a hot shower, the breathing practice",
        peopleAndPlaces = $"{tag}: the library, my neighbour's garden",
        peopleToAsk = $"{tag}: Jo, my sister",
        professionals = $"{tag}: my GP surgery; the crisis line at night",
        saferSurroundings = $"{tag}: Jo keeps my tablets",
        mattersMost = $"{tag}: my dog Biscuit",
    };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
    }

    [Fact]
    public async Task Before_the_first_save_the_plan_is_empty_with_no_date()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.GetAsync(Url, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        foreach (var field in Fields.Append("updatedAt"))
        {
            Assert.Equal(JsonValueKind.Null, plan.GetProperty(field).ValueKind);
        }
    }

    [Fact]
    public async Task Put_saves_every_step_as_written_and_stamps_the_time()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;

        var put = await client.PutAsJsonAsync(Url, FullPlan("mine"), Cancel);
        var got = await client.GetFromJsonAsync<JsonElement>(Url, Cancel);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var saved = await put.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("mine: I stop answering messages.\nI lie awake going over things.", got.GetProperty("warningSigns").GetString());
        Assert.Equal("mine: my dog Biscuit", got.GetProperty("mattersMost").GetString());
        foreach (var field in Fields)
        {
            Assert.StartsWith("mine: ", got.GetProperty(field).GetString(), StringComparison.Ordinal);
            Assert.Equal(saved.GetProperty(field).GetString(), got.GetProperty(field).GetString());
        }

        Assert.Equal(now, got.GetProperty("updatedAt").GetDateTime(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(DateTimeKind.Utc, got.GetProperty("updatedAt").GetDateTime().Kind);
    }

    [Fact]
    public async Task Put_again_replaces_the_whole_plan_and_leaves_out_steps_empty()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        await client.PutAsJsonAsync(Url, FullPlan("first"), Cancel);
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var later = factory.Clock.GetUtcNow().UtcDateTime;

        var put = await client.PutAsJsonAsync(Url, new { warningSigns = "second: snapping at people", mattersMost = "   ", peopleToAsk = "" }, Cancel);
        var got = await client.GetFromJsonAsync<JsonElement>(Url, Cancel);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("second: snapping at people", got.GetProperty("warningSigns").GetString());
        foreach (var field in Fields.Skip(1))
        {
            Assert.Equal(JsonValueKind.Null, got.GetProperty(field).ValueKind);
        }

        Assert.Equal(later, got.GetProperty("updatedAt").GetDateTime(), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_step_of_exactly_4000_characters_is_saved()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var words = new string('a', SafetyPlan.StepMaxLength);

        var put = await client.PutAsJsonAsync(Url, new { professionals = words }, Cancel);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(words, (await client.GetFromJsonAsync<JsonElement>(Url, Cancel)).GetProperty("professionals").GetString());
    }

    [Fact]
    public async Task A_step_that_is_too_long_is_a_400_naming_it_and_the_saved_plan_is_kept()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        await client.PutAsJsonAsync(Url, FullPlan("kept"), Cancel);

        var put = await client.PutAsJsonAsync(Url, new { warningSigns = "new", peopleToAsk = new string('b', SafetyPlan.StepMaxLength + 1) }, Cancel);

        var errors = await ProblemAsync(put);
        Assert.Equal(["peopleToAsk"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("up to 4,000 characters", errors.GetProperty("peopleToAsk")[0].GetString(), StringComparison.Ordinal);
        var plan = await client.GetFromJsonAsync<JsonElement>(Url, Cancel);
        Assert.Equal("kept: Jo, my sister", plan.GetProperty("peopleToAsk").GetString());
        Assert.StartsWith("kept: ", plan.GetProperty("warningSigns").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"warningSigns":"fine","reasonsToLive":"my dog"}""", "reasonsToLive", "is not a field this request takes")]
    [InlineData("""{"updatedAt":"2026-01-01T00:00:00Z"}""", "updatedAt", "is not a field this request takes")]
    [InlineData("""{"warningSigns":5}""", "warningSigns", "could not be read")]
    [InlineData("""{"mattersMost":["my dog"]}""", "mattersMost", "could not be read")]
    public async Task An_unknown_field_or_a_value_of_the_wrong_type_is_a_400_naming_it_and_nothing_is_saved(string body, string field, string says)
    {
        var client = await factory.CreateClientForNewPersonAsync();
        await client.PutAsJsonAsync(Url, FullPlan("kept"), Cancel);

        var errors = await ProblemAsync(await client.PutAsync(Url, Json(body), Cancel));

        Assert.True(errors.TryGetProperty(field, out var messages), errors.ToString());
        Assert.Contains($"'{field}' {says}", messages[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("kept: a hot shower, the breathing practice", (await client.GetFromJsonAsync<JsonElement>(Url, Cancel)).GetProperty("copingOnMyOwn").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("null")]
    public async Task A_missing_or_unreadable_body_is_a_400(string body)
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.PutAsync(Url, Json(body), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_api_needs_a_sign_in()
    {
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Url, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PutAsJsonAsync(Url, FullPlan("nobody"), Cancel)).StatusCode);
    }

    [Fact]
    public async Task Each_person_only_ever_gets_their_own_plan()
    {
        var ana = await factory.CreateClientForNewPersonAsync();
        var ben = await factory.CreateClientForNewPersonAsync();
        await ana.PutAsJsonAsync(Url, FullPlan("ana"), Cancel);

        var bensBefore = await ben.GetStringAsync(Url, Cancel);
        await ben.PutAsJsonAsync(Url, new { mattersMost = "ben: my daughter" }, Cancel);
        var anas = await ana.GetFromJsonAsync<JsonElement>(Url, Cancel);
        var bens = await ben.GetFromJsonAsync<JsonElement>(Url, Cancel);

        Assert.DoesNotContain("ana", bensBefore, StringComparison.Ordinal);
        Assert.Equal("ana: my dog Biscuit", anas.GetProperty("mattersMost").GetString());
        Assert.Equal("ana: Jo, my sister", anas.GetProperty("peopleToAsk").GetString());
        Assert.Equal("ben: my daughter", bens.GetProperty("mattersMost").GetString());
        Assert.Equal(JsonValueKind.Null, bens.GetProperty("peopleToAsk").ValueKind);
    }
}
