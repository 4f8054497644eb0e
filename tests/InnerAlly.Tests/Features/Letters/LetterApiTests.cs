using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Features.Writing;
using InnerAlly.Tests.Infrastructure;
using static InnerAlly.Tests.Features.Writing.WritingSamples;

namespace InnerAlly.Tests.Features.Letters;

/// <summary>/api/v1/letters: guided parts, kept as a draft until done.</summary>
public sealed class LetterApiTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static readonly string[] Parts = ["acknowledge", "understand", "commonHumanity", "noBlame", "whatWouldHelp", "encouragement", "close"];

    [Fact]
    public async Task A_letter_starts_as_a_draft_and_keeps_every_part()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var (id, draft) = await CreateAsync(client, LettersUrl, new { parts = new { acknowledge = "This week has been so hard." } });
        var (_, done) = await CreateAsync(client, LettersUrl, WritingSamples.Body(LettersUrl, "dear"));

        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.Equal(Parts, draft.GetProperty("parts").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("parts").GetProperty("close").ValueKind);
        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.Equal("Close dear.", done.GetProperty("parts").GetProperty("close").GetString());
        Assert.Equal("Common dear.", done.GetProperty("parts").GetProperty("commonHumanity").GetString());
        Assert.Equal("draft", (await client.GetFromJsonAsync<JsonElement>($"{LettersUrl}/{id}", Cancel)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_draft_is_finished_with_put_and_its_words_are_read_as_one_letter()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var (id, _) = await CreateAsync(client, LettersUrl, new { parts = new { acknowledge = "I see how tired you are." } });

        var response = await client.PutAsJsonAsync($"{LettersUrl}/{id}", new
        {
            parts = new { acknowledge = "I see how tired you are.", encouragement = "You could rest this weekend.", close = "With love." },
            status = "done",
        }, Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("done", body.GetProperty("status").GetString());
        Assert.Equal("With love.", body.GetProperty("parts").GetProperty("close").GetString());
        Assert.False(body.GetProperty("analysis").GetProperty("selfCriticism").GetProperty("present").GetBoolean());
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{}""", "parts" },
        { """{"parts":{}}""", "parts" },
        { """{"parts":{"acknowledge":"  ","close":""}}""", "parts" },
        { """{"parts":{"acknowledge":"__LONG__"}}""", "parts.acknowledge" },
        { """{"parts":{"close":"__LONG__"}}""", "parts.close" },
        { """{"parts":{"acknowledge":"Hi"},"status":"sent"}""", "status" },
        { """{"parts":{"acknowledge":"Hi"},"status":1}""", "status" },
        { """{"parts":{"acknowledge":"Hi","signature":"me"}}""", "parts.signature" },
        { """{"parts":{"acknowledge":"Hi"},"title":"To me"}""", "title" },
        { """{"parts":"Dear me"}""", "parts" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_with_bad_input_is_400_naming_the_field_and_saves_nothing(string json, string field) =>
        await AssertRefusedAsync(await factory.CreateClientForNewPersonAsync(), LettersUrl, json, field);

    [Theory]
    [InlineData("""{"parts":{"acknowledge":""},"status":"done"}""", "parts")]
    [InlineData("""{"parts":{"acknowledge":"New"},"status":"finished"}""", "status")]
    [InlineData("""{"parts":{"acknowledge":"__LONG__"}}""", "parts.acknowledge")]
    public async Task A_failed_change_is_400_and_loses_nothing_already_saved(string json, string field)
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var (id, _) = await CreateAsync(client, LettersUrl, WritingSamples.Body(LettersUrl, "kept"));

        var errors = await ProblemAsync(await client.PutAsync($"{LettersUrl}/{id}", Json(json.Replace("__LONG__", new string('a', 20_001), StringComparison.Ordinal)), Cancel));

        Assert.True(errors.TryGetProperty(field, out _), $"errors should name '{field}': {errors}");
        var kept = await client.GetFromJsonAsync<JsonElement>($"{LettersUrl}/{id}", Cancel);
        Assert.Equal("done", kept.GetProperty("status").GetString());
        Assert.All(Parts, p => Assert.EndsWith(" kept.", kept.GetProperty("parts").GetProperty(p).GetString(), StringComparison.Ordinal));
    }
}
