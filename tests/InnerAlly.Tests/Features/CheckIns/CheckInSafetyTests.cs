using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.CheckIns;

/// <summary>A check-in note passes the risk check after it is saved; risk brings the support notice, nothing else changes.</summary>
public sealed class CheckInSafetyTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static KeyValuePair<string, string> Field(string name, object value) => new(name, value.ToString()!);

    [Fact]
    public async Task A_risky_note_is_saved_exactly_and_the_response_carries_the_support_notice()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        // The person's own country, not the browser's language, decides the lines (issue 15).
        await client.PutAsJsonAsync("/api/v1/account/preferences", new { timeZone = "Europe/London", country = "GB" }, TestContext.Current.CancellationToken);
        const string note = "Rough shift. I keep thinking I want to kill myself tonight.";

        var response = await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 9, drive = 2, soothe = 1, note }, Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(note, body.GetProperty("note").GetString());
        var safety = body.GetProperty("safety");
        Assert.True(safety.GetProperty("triggered").GetBoolean());
        Assert.Equal("self", safety.GetProperty("category").GetString());
        Assert.False(string.IsNullOrWhiteSpace(safety.GetProperty("message").GetString()));
        Assert.Equal("GB", safety.GetProperty("resources").GetProperty("country").GetProperty("code").GetString());
        Assert.Equal("/safety-plan", safety.GetProperty("safetyPlanUrl").GetString());

        var saved = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location, Cancel);
        Assert.Equal(note, saved.GetProperty("note").GetString());
        Assert.False(saved.TryGetProperty("safety", out _));
    }

    [Fact]
    public async Task A_harm_from_others_note_brings_that_notice()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var body = await (await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 9, drive = 1, soothe = 1, note = "My dad hits me when he's drunk and I'm scared to go home." }, Cancel))
            .Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal("from_others", body.GetProperty("safety").GetProperty("category").GetString());
    }

    [Fact]
    public async Task An_ordinary_note_is_checked_and_nothing_is_triggered_and_no_note_means_no_check()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var withNote = await (await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 3, drive = 5, soothe = 6, note = "Walked the dog by the river, felt calmer." }, Cancel))
            .Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var withoutNote = await (await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 3, drive = 5, soothe = 6 }, Cancel))
            .Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.False(withNote.GetProperty("safety").GetProperty("triggered").GetBoolean());
        Assert.False(withoutNote.TryGetProperty("safety", out _));
    }

    [Fact]
    public async Task After_saving_a_risky_note_the_page_shows_the_support_notice_once_and_the_note_as_written()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        const string note = "i dont want to be alive anymore";

        var response = await session.SubmitAsync("/check-ins/new",
            [Field("Input.Threat", 9), Field("Input.Drive", 1), Field("Input.Soothe", 1), Field("Input.Note", note)]);

        PageBrowser.AssertRedirectsTo(response, "/check-ins/");
        var (_, page) = await session.GetAsync(response.Headers.Location!.OriginalString);
        var notice = page.QuerySelector(".support-notice");
        Assert.NotNull(notice);
        Assert.Equal("self", notice.GetAttribute("data-category"));
        Assert.NotNull(notice.QuerySelector("a[href='/safety-plan']"));
        Assert.NotNull(notice.QuerySelector("a[href='/help']"));
        Assert.Equal(note, page.QuerySelector(".note-text")!.TextContent);

        var (_, again) = await session.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Null(again.QuerySelector(".support-notice"));
    }

    [Fact]
    public async Task After_saving_an_ordinary_note_there_is_no_notice()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var response = await session.SubmitAsync("/check-ins/new",
            [Field("Input.Threat", 2), Field("Input.Drive", 5), Field("Input.Soothe", 7), Field("Input.Note", "Baked bread with my daughter.")]);

        var (_, page) = await session.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Null(page.QuerySelector(".support-notice"));
    }
}
