using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Analysis;

/// <summary>Practice notes and lesson reflections pass the risk check after saving, like check-in notes.</summary>
public sealed class SavedTextSafetyTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static object Session(string? note) => new
    {
        practiceId = "soothing-rhythm-breathing",
        startedAt = DateTimeOffset.UtcNow.AddMinutes(-10).ToString("O", CultureInfo.InvariantCulture),
        durationSeconds = 300,
        note,
    };

    [Fact]
    public async Task A_risky_practice_note_is_saved_as_written_and_answered_with_the_support_notice()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        const string note = "Breathing helped a bit but I still want to kill myself.";

        var risky = await client.PostAsJsonAsync("/api/v1/practice-sessions", Session(note), Cancel);
        var calm = await (await client.PostAsJsonAsync("/api/v1/practice-sessions", Session("Calmer afterwards."), Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var none = await (await client.PostAsJsonAsync("/api/v1/practice-sessions", Session(null), Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var body = await risky.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.Created, risky.StatusCode);
        Assert.Equal(note, body.GetProperty("note").GetString());
        Assert.True(body.GetProperty("safety").GetProperty("triggered").GetBoolean());
        Assert.Equal("self", body.GetProperty("safety").GetProperty("category").GetString());
        Assert.False(calm.GetProperty("safety").GetProperty("triggered").GetBoolean());
        Assert.False(none.TryGetProperty("safety", out _));
    }

    [Fact]
    public async Task A_risky_lesson_reflection_is_saved_as_written_and_answered_with_the_support_notice()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        const string text = "My stepdad hits me when mum is at work and I'm scared to go home.";

        var response = await client.PostAsJsonAsync("/api/v1/lessons/the-inner-critic/reflection", new { text }, Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var lesson = await client.GetFromJsonAsync<JsonElement>("/api/v1/lessons/the-inner-critic", Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("from_others", body.GetProperty("safety").GetProperty("category").GetString());
        Assert.Equal(text, lesson.GetProperty("reflection").GetProperty("text").GetString());
    }
}
