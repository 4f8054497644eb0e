using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Measures;

/// <summary>POST and GET /api/v1/instruments/{code}/responses: scored, compared, drafts kept, bad answers named.</summary>
public sealed class RecordResponseApiTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static object Phq9(params int[] answers) =>
        new { answers = answers.Select((a, i) => (Key: $"{i + 1}", a)).ToDictionary(x => x.Key, x => x.a) };

    internal static async Task<JsonElement> PostAsync(HttpClient client, string code, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/instruments/{code}/responses", body, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task The_list_names_each_questionnaire_with_its_item_count_and_attribution()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/instruments", Cancel);

        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["phq9", "gad7", "who5", "scs-sf"], items.Select(i => i.GetProperty("code").GetString()));
        Assert.Equal([9, 7, 5, 12], items.Select(i => i.GetProperty("items").GetInt32()));
        Assert.Contains("Pfizer", items[0].GetProperty("attribution").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_definition_has_what_is_needed_to_render_it_and_an_unknown_code_is_404()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var phq9 = await client.GetFromJsonAsync<JsonElement>("/api/v1/instruments/phq9", Cancel);
        var unknown = await client.GetAsync("/api/v1/instruments/dass21", Cancel);

        Assert.StartsWith("Over the last 2 weeks", phq9.GetProperty("stem").GetString(), StringComparison.Ordinal);
        Assert.Equal(9, phq9.GetProperty("items").GetArrayLength());
        Assert.Equal("Nearly every day", phq9.GetProperty("options")[3].GetProperty("label").GetString());
        Assert.Equal(6, phq9.GetProperty("total").GetProperty("reliableChange").GetProperty("threshold").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_complete_response_is_201_with_its_scores_and_no_change_the_first_time()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.PostAsJsonAsync("/api/v1/instruments/phq9/responses", Phq9(1, 2, 0, 3, 1, 2, 0, 3, 0), Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/instruments/phq9/responses/{body.GetProperty("id").GetGuid()}", response.Headers.Location!.OriginalString);
        Assert.Equal("complete", body.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, body.GetProperty("completedAt").ValueKind);
        var scores = body.GetProperty("scores");
        Assert.Equal(12, scores.GetProperty("total").GetDecimal());
        Assert.Equal("Moderate", scores.GetProperty("band").GetProperty("label").GetString());
        Assert.Equal(10, scores.GetProperty("cutoff").GetProperty("value").GetDecimal());
        Assert.True(scores.GetProperty("cutoff").GetProperty("inClinicalRange").GetBoolean());
        Assert.Equal(JsonValueKind.Null, scores.GetProperty("change").GetProperty("fromFirst").ValueKind);
        Assert.Equal(JsonValueKind.Null, scores.GetProperty("change").GetProperty("fromPrevious").ValueKind);
        Assert.False(body.GetProperty("safety").GetProperty("triggered").GetBoolean());
        Assert.Equal(3, body.GetProperty("answers").GetProperty("8").GetInt32());
    }

    [Fact]
    public async Task Change_is_counted_from_the_first_and_the_previous_response()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var first = await PostAsync(client, "phq9", Phq9(3, 3, 2, 2, 2, 2, 2, 2, 0)); // 18
        var second = await PostAsync(client, "phq9", Phq9(2, 2, 2, 2, 1, 1, 1, 2, 0)); // 13: −5, not reliable
        var third = await PostAsync(client, "phq9", Phq9(1, 1, 1, 1, 1, 1, 1, 2, 0)); // 9: −9 from the first, −4 from the second

        var change = third.GetProperty("scores").GetProperty("change");
        var fromFirst = change.GetProperty("fromFirst");
        var fromPrevious = change.GetProperty("fromPrevious");
        Assert.Equal(first.GetProperty("id").GetGuid(), fromFirst.GetProperty("fromId").GetGuid());
        Assert.Equal((18, 9, -9), (fromFirst.GetProperty("from").GetInt32(), fromFirst.GetProperty("to").GetInt32(), fromFirst.GetProperty("difference").GetInt32()));
        Assert.Equal("improvement", fromFirst.GetProperty("reliable").GetString());
        Assert.Equal("improvement", fromFirst.GetProperty("clinicallySignificant").GetString());
        Assert.Equal(second.GetProperty("id").GetGuid(), fromPrevious.GetProperty("fromId").GetGuid());
        Assert.Equal(-4, fromPrevious.GetProperty("difference").GetInt32());
        Assert.Equal("none", fromPrevious.GetProperty("reliable").GetString());
        Assert.Equal("none", second.GetProperty("scores").GetProperty("change").GetProperty("fromFirst").GetProperty("reliable").GetString());

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/instruments/phq9/responses", Cancel);
        Assert.Equal([18, 13, 9], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("scores").GetProperty("total").GetInt32()));
        Assert.False(list.GetProperty("items")[0].TryGetProperty("safety", out _));
    }

    [Theory]
    [InlineData("""{"answers": {"1": 0, "2": 0, "3": 4, "4": 0, "5": 0, "6": 0, "7": 0, "8": 0, "9": 0}}""", "answers.3", "0, 1, 2 or 3")]
    [InlineData("""{"answers": {"1": 0, "2": 0, "3": 0, "4": 0, "5": 0, "6": 0, "7": 0, "8": 0, "9": 0, "12": 1}}""", "answers.12", "no item \"12\"")]
    [InlineData("""{"answers": {"1": 0, "2": 0, "3": 0, "5": 0, "6": 0, "7": 0, "8": 0, "9": 0}}""", "answers.4", "draft")]
    [InlineData("""{"answers": {"1": -1}, "status": "draft"}""", "answers.1", "-1 is not")]
    [InlineData("""{"answers": {"1": 0}, "status": "maybe"}""", "status", "draft")]
    [InlineData("""{"status": "complete"}""", "answers", "item number")]
    [InlineData("""{"answers": {"1": "often"}}""", "answers.1", "could not be read")]
    public async Task Bad_answers_are_400_naming_the_item_and_nothing_is_saved(string json, string field, string words)
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.PostAsync("/api/v1/instruments/phq9/responses", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(words, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/instruments/phq9/responses", Cancel);
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_draft_is_kept_unscored_updated_in_place_and_completed_as_the_same_response()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var draft = await PostAsync(client, "gad7", new { answers = new Dictionary<string, int> { ["1"] = 2, ["2"] = 1 }, status = "draft" });
        var more = await PostAsync(client, "gad7", new { answers = new Dictionary<string, int> { ["1"] = 2, ["2"] = 1, ["3"] = 3 }, status = "draft" });
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/v1/instruments/gad7/responses", Cancel);
        var done = await PostAsync(client, "gad7", new { answers = new Dictionary<string, int> { ["1"] = 2, ["2"] = 1, ["3"] = 3, ["4"] = 0, ["5"] = 1, ["6"] = 2, ["7"] = 0 } });

        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("scores").ValueKind);
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("completedAt").ValueKind);
        Assert.Equal(draft.GetProperty("id").GetGuid(), more.GetProperty("id").GetGuid());
        Assert.Equal(3, more.GetProperty("answers").GetProperty("3").GetInt32());
        Assert.Equal("draft", Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(draft.GetProperty("id").GetGuid(), done.GetProperty("id").GetGuid());
        Assert.Equal("complete", done.GetProperty("status").GetString());
        Assert.Equal(9, done.GetProperty("scores").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Phq9_item_9_above_not_at_all_brings_the_support_notice_and_is_saved_exactly_as_given()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        // The person's own country, not the browser's language, decides the lines (issue 15).
        await client.PutAsJsonAsync("/api/v1/account/preferences", new { timeZone = "Europe/London", country = "GB" }, TestContext.Current.CancellationToken);

        var body = await PostAsync(client, "phq9", Phq9(0, 0, 0, 0, 0, 0, 0, 0, 1));
        var stored = await client.GetFromJsonAsync<JsonElement>($"/api/v1/instruments/phq9/responses/{body.GetProperty("id").GetGuid()}", Cancel);
        var draft = await PostAsync(client, "phq9", new { answers = new Dictionary<string, int> { ["9"] = 3 }, status = "draft" });

        var safety = body.GetProperty("safety");
        Assert.True(safety.GetProperty("triggered").GetBoolean());
        Assert.Equal("self", safety.GetProperty("category").GetString());
        Assert.False(string.IsNullOrWhiteSpace(safety.GetProperty("message").GetString()));
        Assert.Equal("GB", safety.GetProperty("resources").GetProperty("country").GetProperty("code").GetString());
        Assert.Equal("/safety-plan", safety.GetProperty("safetyPlanUrl").GetString());
        Assert.Equal(1, body.GetProperty("scores").GetProperty("total").GetInt32());
        Assert.Equal(1, stored.GetProperty("answers").GetProperty("9").GetInt32());
        Assert.True(draft.GetProperty("safety").GetProperty("triggered").GetBoolean());
    }

    [Fact]
    public async Task Who5_is_reported_times_4_and_scs_sf_as_a_mean_with_its_subscales_marked_for_a_clinician()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var who5 = await PostAsync(client, "who5", Phq9(3, 4, 2, 3, 1));
        var scs = await PostAsync(client, "scs-sf", Phq9(4, 3, 4, 2, 3, 3, 4, 2, 4, 3, 2, 1));

        Assert.Equal(52, who5.GetProperty("scores").GetProperty("total").GetInt32());
        Assert.Equal(100, who5.GetProperty("scores").GetProperty("range").GetProperty("max").GetInt32());
        Assert.False(who5.GetProperty("scores").GetProperty("cutoff").GetProperty("inClinicalRange").GetBoolean());
        Assert.Equal(3.42m, scs.GetProperty("scores").GetProperty("total").GetDecimal());
        Assert.Equal(JsonValueKind.Null, scs.GetProperty("scores").GetProperty("cutoff").ValueKind);
        var subscales = scs.GetProperty("scores").GetProperty("subscales").EnumerateArray().ToList();
        Assert.Equal(6, subscales.Count);
        Assert.All(subscales, s => Assert.True(s.GetProperty("clinicianOnly").GetBoolean()));
    }
}
