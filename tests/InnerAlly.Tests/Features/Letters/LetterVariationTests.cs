using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Features.Letters;
using InnerAlly.Features.Writing;
using InnerAlly.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static InnerAlly.Tests.Features.Writing.WritingSamples;

namespace InnerAlly.Tests.Features.Letters;

/// <summary>
/// The kind of letter a person chooses when starting one (issue 15: to yourself, from your
/// compassionate other, to your younger self, to your inner critic), kept with the letter, the same
/// on the page and in the API; and the gentle check offered when it is read back.
/// </summary>
public sealed class LetterVariationTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private WritingContent Words => factory.Services.GetRequiredService<WritingContent>();

    private LetterVariations Variations => factory.Services.GetRequiredService<LetterVariations>();


    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    [Fact]
    public async Task A_letter_keeps_the_kind_it_was_started_as_and_a_change_that_leaves_it_out_keeps_it()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var (id, critic) = await CreateAsync(client, LettersUrl, new { parts = new { acknowledge = "I can hear you." }, variation = "to-the-critic" });
        var (_, plain) = await CreateAsync(client, LettersUrl, new { parts = new { acknowledge = "Dear me." } });
        var changed = await client.PutAsJsonAsync($"{LettersUrl}/{id}", new { parts = new { acknowledge = "I can hear you, and I am here." }, status = "done" }, Cancel);
        var kept = await client.GetFromJsonAsync<JsonElement>($"{LettersUrl}/{id}", Cancel);
        var moved = await client.PutAsJsonAsync($"{LettersUrl}/{id}", new { parts = new { acknowledge = "Dear little me." }, variation = "to-younger-self" }, Cancel);

        Assert.Equal("to-the-critic", critic.GetProperty("variation").GetString());
        Assert.Equal("to-yourself", plain.GetProperty("variation").GetString());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("to-the-critic", kept.GetProperty("variation").GetString());
        Assert.Equal("to-younger-self", (await moved.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("variation").GetString());
    }

    [Theory]
    [InlineData("""{"parts":{"acknowledge":"Hi"},"variation":"to-my-cat"}""")]
    [InlineData("""{"parts":{"acknowledge":"Hi"},"variation":""}""")]
    [InlineData("""{"parts":{"acknowledge":"Hi"},"variation":3}""")]
    public async Task An_unknown_kind_of_letter_is_400_naming_variation_and_saves_nothing(string json) =>
        await AssertRefusedAsync(await factory.CreateClientForNewPersonAsync(), LettersUrl, json, "variation");

    [Fact]
    public async Task A_change_to_an_unknown_kind_is_400_and_loses_nothing_already_saved()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var (id, _) = await CreateAsync(client, LettersUrl, new { parts = new { close = "With love." }, variation = "from-compassionate-other", status = "done" });

        var errors = await ProblemAsync(await client.PutAsync($"{LettersUrl}/{id}", Json("""{"parts":{"close":"Changed."},"variation":"to-nobody"}"""), Cancel));
        var kept = await client.GetFromJsonAsync<JsonElement>($"{LettersUrl}/{id}", Cancel);

        Assert.True(errors.TryGetProperty("variation", out _), $"errors should name 'variation': {errors}");
        Assert.Equal("from-compassionate-other", kept.GetProperty("variation").GetString());
        Assert.Equal("With love.", kept.GetProperty("parts").GetProperty("close").GetString());
    }

    [Fact]
    public async Task A_new_letter_starts_with_the_choice_of_its_kind_the_letter_to_yourself_chosen_already()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var page = await session.OpenAsync("/letters/new");

        var form = page.QuerySelector("main form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/letters/new", form.GetAttribute("action"));
        var choices = form.QuerySelectorAll("input[type=radio][name=variation]");
        Assert.Equal(Variations.All.Select(v => v.Id), choices.Select(c => c.GetAttribute("value")));
        Assert.Equal(["to-yourself"], choices.Where(c => c.HasAttribute("checked")).Select(c => c.GetAttribute("value")));
        Assert.Empty(page.QuerySelectorAll("textarea"));
    }

    [Fact]
    public async Task An_unknown_kind_on_the_page_asks_again_with_a_message_beside_the_choice()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var page = await session.OpenAsync("/letters/new?variation=to-my-cat");

        Assert.Equal(Variations.Content.Choose.Unknown, PageBrowser.FieldError(page, "variation"));
        Assert.Empty(page.QuerySelectorAll("textarea"));
    }

    [Fact]
    public async Task A_letter_to_the_critic_shows_its_own_prompts_is_saved_as_one_and_reads_back_as_one()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        var critic = Variations.Find("to-the-critic")!;

        var form = await session.OpenAsync("/letters/new?variation=to-the-critic");
        var saved = await session.SubmitAsync(form, "/letters/new?variation=to-the-critic", [Field("Input.Parts.Acknowledge", "I can hear you."), Field("Input.Status", "done")]);
        var letter = await session.OpenAsync(saved.Headers.Location!.OriginalString);
        var edit = await session.OpenAsync($"{saved.Headers.Location!.OriginalString}/edit");

        Assert.Equal(critic.Heading, form.QuerySelector("h1")!.TextContent);
        Assert.Equal(Words.Letter.Parts.Select(critic.PromptFor), form.QuerySelectorAll(".letter-part p[id$='-hint']").Select(h => h.TextContent.Trim()));
        Assert.NotEqual(Words.Letter.Parts.Select(p => p.Prompt).ToList(), Words.Letter.Parts.Select(critic.PromptFor).ToList());
        PageBrowser.AssertRedirectsTo(saved, "/letters/");
        Assert.StartsWith(critic.Label, letter.QuerySelector("main p.muted")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("to-the-critic", edit.QuerySelector("input[name='Input.Variation']")!.GetAttribute("value"));
        Assert.Equal(critic.PromptFor(Words.Letter.Parts[0]), edit.QuerySelector(".letter-part p[id$='-hint']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Reading_back_offers_the_gentle_check_and_names_the_shoulds_the_letter_uses()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        var withShoulds = await session.SubmitAsync("/letters/new?variation=to-yourself",
            [Field("Input.Parts.Acknowledge", "I should have known. I must do better."), Field("Input.Parts.Close", "I shouldn't be so tired."), Field("Input.Status", "done")]);
        var without = await session.SubmitAsync("/letters/new?variation=to-yourself", [Field("Input.Parts.Close", "With love, me."), Field("Input.Status", "done")]);

        var page = await session.OpenAsync(withShoulds.Headers.Location!.OriginalString);
        var calm = await session.OpenAsync(without.Headers.Location!.OriginalString);

        var check = page.QuerySelector("section.read-back-check")!;
        Assert.Equal(Variations.Content.ReadBack.Questions, check.QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Equal(
            "Your letter uses \"should\" twice and \"must\" once. These words can carry the critic's voice. You might try \"could\" or \"I'd like to\" in those lines.",
            check.QuerySelector("[data-shoulds]")!.TextContent);
        Assert.Equal(Variations.Content.ReadBack.NoShoulds, calm.QuerySelector("section.read-back-check [data-shoulds]")!.TextContent);
    }
}

/// <summary>The should-like words a letter uses, counted by hand.</summary>
public sealed class LetterShouldsTests
{
    private static readonly LetterVariations Variations = new(new WritingContent());


    [Fact]
    public void Should_must_and_ought_are_counted_in_their_forms_and_words_that_only_start_alike_are_not()
    {
        var found = LetterVariations.Shoulds("I should rest. Should've known. You shouldn't, and I mustn't. Mustard. I ought to. Shoulder.");

        Assert.Equal([("should", 3), ("must", 1), ("ought", 1)], found);
    }

    [Theory]
    [InlineData("You must go.", "\"must\" once")]
    [InlineData("I should. I should. I should.", "\"should\" 3 times")]
    [InlineData("I should. I must. I ought. I must.", "\"should\" once, \"must\" twice and \"ought\" once")]
    public void The_note_says_which_words_and_how_often(string letter, string words) =>
        Assert.Equal(Variations.Content.ReadBack.ShouldsFound.Replace("{words}", words, StringComparison.Ordinal), Variations.ShouldsNote(letter));

    [Fact]
    public void A_letter_without_them_is_told_so_gently() =>
        Assert.Equal(Variations.Content.ReadBack.NoShoulds, Variations.ShouldsNote("With love, and a cup of tea."));
}
