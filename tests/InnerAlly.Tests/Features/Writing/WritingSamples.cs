using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace InnerAlly.Tests.Features.Writing;

/// <summary>One full example of each kind of writing, with a given phrase in every text field, and small helpers to send them.</summary>
public static class WritingSamples
{
    public const string JournalUrl = "/api/v1/journal-entries";
    public const string AllyRecordsUrl = "/api/v1/ally-records";
    public const string LettersUrl = "/api/v1/letters";
    public const string AllyCardsUrl = "/api/v1/ally-cards";

    /// <summary>The four APIs, for theories; cards have no PUT.</summary>
    public static TheoryData<string> Kinds => new(JournalUrl, AllyRecordsUrl, LettersUrl, AllyCardsUrl);

    public static TheoryData<string> ChangeableKinds => new(JournalUrl, AllyRecordsUrl, LettersUrl);

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A body for <paramref name="url"/> with <paramref name="words"/> in every text it has (as a tag too, so at most 40 characters).</summary>
    public static object Body(string url, string words) => url switch
    {
        JournalUrl => new { text = $"Today: {words}.", prompt = $"Prompt {words}", tags = new[] { words, "work" } },
        AllyRecordsUrl => new
        {
            situation = $"Situation {words}.",
            criticWords = $"Critic {words}.",
            feelings = new { emotions = new[] { "ashamed", "on-edge" }, body = $"Body {words}." },
            criticFear = $"Fear {words}.",
            allyWisdom = $"Wisdom {words}.",
            allyStrength = $"Strength {words}.",
            allyWarmth = $"Warmth {words}.",
            action = $"Action {words}.",
            harshnessBefore = 8,
            harshnessAfter = 4,
            beliefBefore = 3,
            beliefAfter = 6,
        },
        LettersUrl => new
        {
            parts = new
            {
                acknowledge = $"Acknowledge {words}.",
                understand = $"Understand {words}.",
                commonHumanity = $"Common {words}.",
                noBlame = $"No blame {words}.",
                whatWouldHelp = $"Help {words}.",
                encouragement = $"Encourage {words}.",
                close = $"Close {words}.",
            },
            status = "done",
        },
        AllyCardsUrl => new { text = $"Card {words}." },
        _ => throw new ArgumentOutOfRangeException(nameof(url), url, null),
    };

    /// <summary>A body with just one short text, for the simplest save of each kind.</summary>
    public static object Brief(string url, string text) => url switch
    {
        JournalUrl or AllyCardsUrl => new { text },
        AllyRecordsUrl => new { criticWords = text },
        LettersUrl => new { parts = new { acknowledge = text } },
        _ => throw new ArgumentOutOfRangeException(nameof(url), url, null),
    };

    /// <summary>Where each kind keeps its first text in JSON, to read it back.</summary>
    public static string BriefText(string url, JsonElement item) => url switch
    {
        JournalUrl or AllyCardsUrl => item.GetProperty("text").GetString()!,
        AllyRecordsUrl => item.GetProperty("criticWords").GetString()!,
        LettersUrl => item.GetProperty("parts").GetProperty("acknowledge").GetString()!,
        _ => throw new ArgumentOutOfRangeException(nameof(url), url, null),
    };

    public static async Task<(Guid Id, JsonElement Body)> CreateAsync(HttpClient client, string url, object body)
    {
        var response = await client.PostAsJsonAsync(url, body, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var id = json.GetProperty("id").GetGuid();
        Assert.Equal($"{url}/{id}", response.Headers.Location?.OriginalString);
        return (id, json);
    }

    /// <summary>The 400 problem's errors, checked to be problem+json.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Cancel)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
    }

    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>
    /// Sends <paramref name="json"/> (with __LONG__ standing for 20,001 characters) and checks the
    /// answer is a 400 problem naming <paramref name="field"/> with a message, and that nothing was saved.
    /// </summary>
    public static async Task AssertRefusedAsync(HttpClient client, string url, string json, string field)
    {
        var errors = await ProblemAsync(await client.PostAsync(url, Json(json.Replace("__LONG__", new string('a', 20_001), StringComparison.Ordinal)), Cancel));

        Assert.True(errors.TryGetProperty(field, out var messages), $"errors should name '{field}': {errors}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>(url, Cancel)).GetProperty("items").GetArrayLength());
    }
}
