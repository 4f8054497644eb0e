using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using InnerAlly.Features.Writing;
using InnerAlly.Language;
using InnerAlly.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static InnerAlly.Tests.Features.Writing.WritingSamples;

namespace InnerAlly.Tests.Features.Safety;

/// <summary>
/// The graded response (SAFETY.md 2a, issue 14): a confident reading brings the full notice, an
/// unsure one a short gentle line with the help link, and either comes beneath the person's saved
/// words, never above them. The words are saved first and never changed.
/// </summary>
public sealed class GradedResponseTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    /// <summary>
    /// A veiled line the engine reads as possible risk by the model alone (no clear phrase, no lexicon
    /// sign), below the guided settings' bar: the notice in a free journal entry, the gentle line in a letter.
    /// </summary>
    private const string Unsure = "Soon none of this will matter.";

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    [Fact]
    public async Task An_unsure_reading_in_a_letter_answers_with_the_gentle_line_and_no_category()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var (id, body) = await CreateAsync(client, LettersUrl, Brief(LettersUrl, Unsure));

        var safety = body.GetProperty("safety");
        Assert.True(safety.GetProperty("triggered").GetBoolean());
        Assert.Equal("gentle", safety.GetProperty("level").GetString());
        Assert.Equal(JsonValueKind.Null, safety.GetProperty("category").ValueKind);
        Assert.Equal(JsonValueKind.Null, safety.GetProperty("resources").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(safety.GetProperty("message").GetString()));
        Assert.Equal("/help", safety.GetProperty("helpUrl").GetString());
        Assert.Equal(Unsure, BriefText(LettersUrl, await client.GetFromJsonAsync<JsonElement>($"{LettersUrl}/{id}", Cancel)));
    }

    [Fact]
    public async Task The_same_words_in_a_journal_entry_bring_the_notice()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var (_, body) = await CreateAsync(client, JournalUrl, Brief(JournalUrl, Unsure));

        var safety = body.GetProperty("safety");
        Assert.Equal("notice", safety.GetProperty("level").GetString());
        Assert.Equal("self", safety.GetProperty("category").GetString());
    }

    [Fact]
    public async Task A_clear_phrase_in_a_letter_still_brings_the_notice()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var (_, body) = await CreateAsync(client, LettersUrl, Brief(LettersUrl, "Dear me, I want to kill myself and I have the pills."));

        var safety = body.GetProperty("safety");
        Assert.Equal("notice", safety.GetProperty("level").GetString());
        Assert.Equal("self", safety.GetProperty("category").GetString());
    }

    [Fact]
    public async Task After_saving_a_letter_the_gentle_line_comes_beneath_the_letter_once_with_the_help_link()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var saved = await session.SubmitAsync("/letters/new?variation=to-yourself", [Field("Input.Parts.Acknowledge", Unsure), Field("Input.Status", "done")]);
        var page = await session.OpenAsync(saved.Headers.Location!.OriginalString);
        var again = await session.OpenAsync(saved.Headers.Location!.OriginalString);

        var gentle = page.QuerySelector(".support-gentle");
        Assert.NotNull(gentle);
        Assert.NotNull(gentle.QuerySelector("a[href='/help']"));
        Assert.Null(page.QuerySelector(".support-notice"));
        AssertBeneath(page.QuerySelector("article.letter")!, gentle);
        Assert.Equal([Unsure], page.QuerySelectorAll("article.letter p").Select(p => p.TextContent));
        Assert.Null(again.QuerySelector(".support-gentle"));
    }

    [Fact]
    public async Task After_saving_a_risky_check_in_note_the_notice_comes_beneath_the_note()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var saved = await session.SubmitAsync("/check-ins/new",
            [Field("Input.Threat", "9"), Field("Input.Drive", "1"), Field("Input.Soothe", "1"), Field("Input.Note", "I want to end my life tonight.")]);
        var page = await session.OpenAsync(saved.Headers.Location!.OriginalString);

        var notice = page.QuerySelector(".support-notice");
        Assert.NotNull(notice);
        Assert.Equal("notice", notice.GetAttribute("data-level"));
        AssertBeneath(page.QuerySelector(".note-text")!, notice);
        Assert.Single(page.QuerySelectorAll(".support-notice"));
    }

    [Fact]
    public async Task After_saving_a_risky_journal_entry_the_notice_comes_beneath_the_entry()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var saved = await session.SubmitAsync("/journal/new", [Field("Input.Text", "My stepdad hits me and I'm scared to go home.")]);
        var page = await session.OpenAsync(saved.Headers.Location!.OriginalString);

        var notice = page.QuerySelector(".support-notice");
        Assert.NotNull(notice);
        Assert.Equal("from_others", notice.GetAttribute("data-category"));
        AssertBeneath(page.QuerySelector(".note-text")!, notice);
    }

    [Fact]
    public async Task A_risky_check_in_note_answers_with_the_notice_level()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 9, drive = 1, soothe = 1, note = "I want to end my life tonight." }, Cancel);
        var calm = await (await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 2, drive = 5, soothe = 7, note = "Baked bread, watched the rain." }, Cancel))
            .Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var safety = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("safety");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("notice", safety.GetProperty("level").GetString());
        Assert.False(calm.GetProperty("safety").GetProperty("triggered").GetBoolean());
        Assert.Equal(JsonValueKind.Null, calm.GetProperty("safety").GetProperty("level").ValueKind);
    }

    [Fact]
    public async Task Our_own_journal_prompt_is_not_read_as_the_persons_words_but_a_prompt_they_wrote_is()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        const string text = "Made tea and sat by the window.";
        // One of our prompts that, read with the entry, would bring the notice on its own.
        var ours = factory.Services.GetRequiredService<WritingContent>().Journal.Prompts.FirstOrDefault(p => SharedEngine.Instance.Analyze(p, TextSetting.Journal, Cancel).Risk.Found);
        Assert.SkipWhen(ours is null, "none of our prompts brings the notice on its own, so there is nothing to leave out");
        Assert.SkipWhen(SharedEngine.Instance.Analyze(text, TextSetting.Journal, Cancel).Risk.Found, "the entry itself brings the notice");

        var (_, answer) = await CreateAsync(client, JournalUrl, new { text, prompt = ours });
        var (_, own) = await CreateAsync(client, JournalUrl, new { text, prompt = "Why do I want to kill myself?" });

        Assert.False(answer.GetProperty("safety").GetProperty("triggered").GetBoolean());
        Assert.Equal(ours, answer.GetProperty("prompt").GetString());
        Assert.Equal("self", own.GetProperty("safety").GetProperty("category").GetString());
    }

    private static void AssertBeneath(IElement words, IElement support) =>
        Assert.True(words.CompareDocumentPosition(support).HasFlag(DocumentPositions.Following), "the support comes above the saved words");
}
