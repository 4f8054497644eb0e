using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Analysis;

public sealed class AnalyzeTextApiTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_text_comes_back_with_risk_self_criticism_traps_and_prompts()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.PostAsJsonAsync("/api/v1/analysis", new { text = "I had lunch with Sam. I'm such an idiot, I always ruin everything." }, Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("none", body.GetProperty("risk").GetProperty("category").GetString());
        var selfCriticism = body.GetProperty("selfCriticism");
        Assert.True(selfCriticism.GetProperty("present").GetBoolean());
        Assert.Equal("I'm such an idiot, I always ruin everything.", selfCriticism.GetProperty("sentences")[0].GetProperty("text").GetString());
        Assert.NotEqual(0, body.GetProperty("thinkingTraps").GetArrayLength());
        var prompt = body.GetProperty("prompts")[0];
        Assert.False(string.IsNullOrWhiteSpace(prompt.GetProperty("fear").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(prompt.GetProperty("friend").GetString()));
        Assert.True(body.GetProperty("language").GetProperty("supported").GetBoolean());
    }

    [Fact]
    public async Task Risk_comes_back_with_its_evidence()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var body = await (await client.PostAsJsonAsync("/api/v1/analysis", new { text = "Baked bread with my daughter. I want to kill myself." }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal("self", body.GetProperty("risk").GetProperty("category").GetString());
        Assert.Equal("I want to kill myself.", body.GetProperty("risk").GetProperty("evidence")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Text_over_20000_characters_is_413_problem_json()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.PostAsJsonAsync("/api/v1/analysis", new { text = new string('a', 20_001) }, Cancel);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(body.GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task Text_of_exactly_20000_characters_is_read()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.PostAsJsonAsync("/api/v1/analysis", new { text = string.Concat(Enumerable.Repeat("Quiet day. ", 2000))[..20_000] }, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("{}", "text")]
    [InlineData("{\"text\": 5}", "text")]
    [InlineData("not json", "body")]
    public async Task Missing_or_wrong_text_is_400_naming_the_field(string json, string field)
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.PostAsync("/api/v1/analysis", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task Signed_out_callers_are_401()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/analysis", new { text = "hello" }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

/// <summary>With RateLimits:AnalysisPerMinute=2, a person's third text in a minute answers 429; someone else is not slowed.</summary>
public sealed class AnalyzeTextRateLimitTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_third_text_in_a_minute_is_429_and_another_person_still_gets_through()
    {
        await using var factory = new InnerAllyFactory { Settings = new Dictionary<string, string?> { ["RateLimits:AnalysisPerMinute"] = "2" } };
        await factory.InitializeAsync();
        var first = await factory.CreateClientForNewPersonAsync();
        var second = await factory.CreateClientForNewPersonAsync();

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync("/api/v1/analysis", new { text = "A calm day." }, Cancel)).StatusCode);
        }

        var third = await first.PostAsJsonAsync("/api/v1/analysis", new { text = "A calm day." }, Cancel);
        var other = await second.PostAsJsonAsync("/api/v1/analysis", new { text = "A calm day." }, Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
