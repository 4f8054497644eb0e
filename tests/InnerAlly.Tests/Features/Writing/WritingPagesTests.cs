using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Writing;

/// <summary>
/// The writing pages through a careful browser: each person's own words only, Post/Redirect/Get
/// with the support notice once after risky words, messages beside fields that keep what was typed,
/// and the draft the browser kept let go only once the words are saved.
/// </summary>
public sealed class WritingPagesTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static KeyValuePair<string, string> Field(string name, object value) => new(name, value.ToString()!);

    [Theory]
    [InlineData("/write")]
    [InlineData("/write/over-time")]
    [InlineData("/journal")]
    [InlineData("/journal/new")]
    [InlineData("/ally-records")]
    [InlineData("/ally-records/new")]
    [InlineData("/letters")]
    [InlineData("/letters/new")]
    [InlineData("/ally-cards")]
    [InlineData("/ally-cards/new")]
    public async Task Signed_out_people_are_sent_to_sign_in_and_signed_in_people_see_the_page(string url)
    {
        var response = await factory.CreatePageClient().GetAsync(url, Cancel);
        var session = await PageBrowser.RegisterAsync(factory);
        var (signedIn, page) = await session.GetAsync(url);

        PageBrowser.AssertRedirectsTo(response, "http://localhost/account/login");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains("no-store", signedIn.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("h1"));
        Assert.NotNull(page.QuerySelector("a.help-link[href='/help']"));
    }

    [Fact]
    public async Task A_journal_entry_is_written_from_a_prompt_tagged_linked_to_a_check_in_and_read_back()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        var checkIn = await session.SubmitAsync("/check-ins/new", [Field("Input.Threat", 6), Field("Input.Drive", 4), Field("Input.Soothe", 3)]);
        var checkInId = checkIn.Headers.Location!.OriginalString.Split('/')[^1];
        var (_, form) = await session.GetAsync($"/journal/new?prompt=1&checkIn={checkInId}");
        var prompt = form.QuerySelector("input[name='Input.Prompt']")!.GetAttribute("value");

        var response = await session.SubmitAsync($"/journal/new?prompt=1&checkIn={checkInId}",
            [Field("Input.Text", "The bus was late again.\nI stayed calm."), Field("TagsText", " travel , Travel, mornings ")]);

        PageBrowser.AssertRedirectsTo(response, "/journal/");
        var page = await session.OpenAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("The bus was late again.\nI stayed calm.", page.QuerySelector(".note-text")!.TextContent);
        Assert.Equal(prompt, page.QuerySelector(".prompt-text")!.TextContent);
        Assert.Contains("travel · mornings", page.QuerySelector(".tags")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/check-ins/{checkInId}']"));
        Assert.NotNull(page.QuerySelector("[role=status]"));
        Assert.Null((await session.OpenAsync(response.Headers.Location!.OriginalString)).QuerySelector("[role=status]"));
    }

    [Fact]
    public async Task Saving_names_the_browsers_draft_to_let_go_once_and_a_refused_form_keeps_it_and_every_word()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        var (_, form) = await session.GetAsync("/journal/new");
        var draft = form.QuerySelector("form[data-draft]")!.GetAttribute("data-draft");

        var refused = await session.SubmitAsync("/journal/new", [Field("Input.Text", "  "), Field("TagsText", "a,b,c,d,e,f,g,h,i,j,k")]);
        var refusedPage = await PageBrowser.ParseAsync(refused);
        var saved = await session.SubmitAsync("/journal/new", [Field("Input.Text", "Kept safe.")]);
        var next = await session.OpenAsync(saved.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull(PageBrowser.FieldError(refusedPage, "entry-text"));
        Assert.NotNull(PageBrowser.FieldError(refusedPage, "entry-tags"));
        Assert.Equal("a,b,c,d,e,f,g,h,i,j,k", refusedPage.QuerySelector<IHtmlInputElement>("#entry-tags")!.Value);
        Assert.Null(refusedPage.QuerySelector("[data-draft-saved]"));
        Assert.EndsWith(":journal:new", draft, StringComparison.Ordinal);
        Assert.Equal(draft, next.QuerySelector("[data-draft-saved]")!.GetAttribute("data-draft-saved"));
        Assert.Null((await session.OpenAsync(saved.Headers.Location!.OriginalString)).QuerySelector("[data-draft-saved]"));
    }

    [Fact]
    public async Task The_journal_page_finds_entries_by_words_and_by_tag_with_the_words_sent_in_the_body()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        await session.SubmitAsync("/journal/new", [Field("Input.Text", "Swimming at the lido."), Field("TagsText", "exercise")]);
        await session.SubmitAsync("/journal/new", [Field("Input.Text", "Long call with Dad."), Field("TagsText", "family")]);

        var byWord = await PageBrowser.ParseAsync(await session.SubmitAsync("/journal", [Field("Q", "LIDO")], "main form.search-form"));
        var byTag = await PageBrowser.ParseAsync(await session.SubmitAsync("/journal", [Field("Tag", "family")], "main form.search-form"));
        var none = await PageBrowser.ParseAsync(await session.SubmitAsync("/journal", [Field("Q", "marmalade")], "main form.search-form"));

        Assert.Equal(["Swimming at the lido."], Excerpts(byWord));
        Assert.Equal(["Long call with Dad."], Excerpts(byTag));
        Assert.Empty(Excerpts(none));
        Assert.Equal("Nothing found", none.QuerySelector("#results")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_critic_to_ally_record_is_saved_from_the_steps_and_read_back_with_the_critics_sentences_marked()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var response = await session.SubmitAsync("/ally-records/new",
        [
            Field("Input.Situation", "I forgot Mum's birthday."),
            Field("Input.CriticWords", "You are a terrible daughter. You always forget what matters."),
            Field("Input.HarshnessBefore", 9),
            Field("Input.Feelings.Emotions", "guilty"),
            Field("Input.Feelings.Emotions", "sad"),
            Field("Input.Feelings.Body", "Heavy stomach."),
            Field("Input.AllyWarmth", "You love her, and you can call her today."),
            Field("Input.BeliefBefore", 4),
            Field("Input.HarshnessAfter", ""),
        ]);

        PageBrowser.AssertRedirectsTo(response, "/ally-records/");
        var page = await session.OpenAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("You are a terrible daughter.", page.QuerySelectorAll(".analysis mark").Select(m => m.TextContent));
        Assert.Equal(["Sorry, and wanting to put it right", "Sad"], page.QuerySelectorAll(".chips .system-tag").Select(t => t.TextContent));
        Assert.Contains("You love her", page.QuerySelector(".ally-reply")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["9", "not rated"], page.QuerySelectorAll("table.ratings tbody tr:first-child td").Select(t => t.TextContent));
        Assert.NotNull(page.QuerySelector("a[href^='/ally-cards/new?allyRecord=']"));
    }

    [Fact]
    public async Task A_record_with_nothing_written_says_so_once_and_keeps_the_ratings_and_feelings_chosen()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var response = await session.SubmitAsync("/ally-records/new", [Field("Input.HarshnessBefore", 7), Field("Input.Feelings.Emotions", "afraid")]);
        var page = await PageBrowser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("any step will do", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".field-error"));
        Assert.Equal("7", page.QuerySelector<IHtmlSelectElement>("#record-harshnessBefore")!.Value);
        Assert.True(page.QuerySelector<IHtmlInputElement>("input[value='afraid']")!.IsChecked);
    }

    [Fact]
    public async Task A_self_critical_journal_entry_offers_a_record_that_starts_from_its_critical_sentences()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        var saved = await session.SubmitAsync("/journal/new", [Field("Input.Text", "Lovely walk this morning. Then I burned dinner. I'm such a useless idiot.")]);
        var entry = await session.OpenAsync(saved.Headers.Location!.OriginalString);
        var offer = entry.QuerySelector("a[href^='/ally-records/new?fromJournal=']")!.GetAttribute("href")!;

        var record = await session.OpenAsync(offer);
        var calm = await session.OpenAsync((await session.SubmitAsync("/journal/new", [Field("Input.Text", "A quiet, easy day.")])).Headers.Location!.OriginalString);

        Assert.Contains("useless idiot", record.QuerySelector<IHtmlTextAreaElement>("#record-criticWords")!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("walk", record.QuerySelector<IHtmlTextAreaElement>("#record-criticWords")!.Value, StringComparison.Ordinal);
        Assert.Null(calm.QuerySelector("a[href^='/ally-records/new?fromJournal=']"));
    }

    [Fact]
    public async Task A_letter_goes_from_draft_to_done_and_reads_back_in_order()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var draft = await session.SubmitAsync("/letters/new?variation=to-yourself", [Field("Input.Parts.Acknowledge", "Dear me, this has been hard."), Field("Input.Status", "draft")]);
        var draftPage = await session.OpenAsync(draft.Headers.Location!.OriginalString);
        var done = await session.SubmitAsync($"{draft.Headers.Location!.OriginalString}/edit",
            [Field("Input.Parts.Close", "With love, me."), Field("Input.Status", "done")]);
        var letter = await session.OpenAsync(done.Headers.Location!.OriginalString);

        Assert.Equal("Your letter, so far", draftPage.QuerySelector("h1")!.TextContent);
        Assert.Equal(draft.Headers.Location, done.Headers.Location);
        Assert.Equal("Your letter", letter.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Dear me, this has been hard.", "With love, me."], letter.QuerySelectorAll("article.letter p").Select(p => p.TextContent));
        Assert.NotNull(letter.QuerySelector("[data-read-aloud='letter-text'][hidden]"));
    }

    [Fact]
    public async Task An_empty_letter_is_refused_with_a_message_and_nothing_is_saved()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var response = await session.SubmitAsync("/letters/new?variation=to-yourself", [Field("Input.Parts.Understand", " "), Field("Input.Status", "done")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("any part will do", (await PageBrowser.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty((await session.OpenAsync("/letters")).QuerySelectorAll("ul.writing-list li"));
    }

    [Fact]
    public async Task A_reply_kept_as_a_card_opens_first_in_the_deck_and_can_be_removed()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        var record = await session.SubmitAsync("/ally-records/new", [Field("Input.AllyWisdom", "Anyone would be tired."), Field("Input.AllyWarmth", "Rest is allowed.")]);
        var recordId = record.Headers.Location!.OriginalString.Split('/')[^1];
        var (_, form) = await session.GetAsync($"/ally-cards/new?allyRecord={recordId}");

        var kept = await session.SubmitAsync($"/ally-cards/new?allyRecord={recordId}", [Field("Input.Text", "Rest is allowed.")]);
        var deck = await session.OpenAsync("/ally-cards");
        var removeUrl = deck.QuerySelector("a[href$='/delete']")!.GetAttribute("href")!;
        var removed = await session.SubmitAsync(removeUrl, []);

        Assert.Equal("Anyone would be tired.\n\nRest is allowed.", form.QuerySelector<IHtmlTextAreaElement>("#card-text")!.Value);
        PageBrowser.AssertRedirectsTo(kept, "/ally-cards");
        Assert.Equal("Rest is allowed.", deck.QuerySelector(".ally-card blockquote")!.TextContent.Trim());
        PageBrowser.AssertRedirectsTo(removed, "/ally-cards");
        Assert.Null((await session.OpenAsync("/ally-cards")).QuerySelector(".ally-card"));
    }

    [Theory]
    [InlineData("/journal/{0}")]
    [InlineData("/journal/{0}/edit")]
    [InlineData("/journal/{0}/delete")]
    public async Task Someone_elses_entry_is_404_on_every_page_and_cannot_be_deleted(string url)
    {
        var owner = await PageBrowser.RegisterAsync(factory);
        var saved = await owner.SubmitAsync("/journal/new", [Field("Input.Text", "Mine alone.")]);
        var id = saved.Headers.Location!.OriginalString.Split('/')[^1];
        var other = await PageBrowser.RegisterAsync(factory);

        var (response, _) = await other.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, url, id));
        var (deleteForm, _) = await owner.GetAsync($"/journal/{id}/delete");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Mine alone.", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, deleteForm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/journal/{id}")).Response.StatusCode);
    }

    [Theory]
    [InlineData("ally-records", "/ally-records/new", "Input.CriticWords")]
    [InlineData("letters", "/letters/new?variation=to-yourself", "Input.Parts.Acknowledge")]
    [InlineData("journal", "/journal/new", "Input.Text")]
    public async Task Deleting_asks_once_then_removes_it_for_good(string kind, string newUrl, string field)
    {
        var session = await PageBrowser.RegisterAsync(factory);
        var saved = await session.SubmitAsync(newUrl, [Field(field, "Something to let go of.")]);
        var id = saved.Headers.Location!.OriginalString.Split('/')[^1];

        var question = await session.OpenAsync($"/{kind}/{id}/delete");
        var deleted = await session.SubmitAsync($"/{kind}/{id}/delete", []);

        Assert.Contains("Something to let go of.", question.QuerySelector("blockquote")!.TextContent, StringComparison.Ordinal);
        PageBrowser.AssertRedirectsTo(deleted, $"/{kind}");
        Assert.Equal(HttpStatusCode.NotFound, await session.StatusOfAsync($"/{kind}/{id}"));
        Assert.NotNull((await session.OpenAsync($"/{kind}")).QuerySelector("[role=status]"));
    }

    [Theory]
    [InlineData("/journal/new", "Input.Text")]
    [InlineData("/ally-records/new", "Input.AllyWarmth")]
    [InlineData("/letters/new?variation=to-yourself", "Input.Parts.Close")]
    [InlineData("/ally-cards/new", "Input.Text")]
    public async Task Risky_words_are_saved_as_written_and_the_next_page_shows_the_support_notice_once(string url, string field)
    {
        var session = await PageBrowser.RegisterAsync(factory);
        const string words = "I keep thinking about killing myself.";

        var response = await session.SubmitAsync(url, [Field(field, words), Field("Input.Status", "done")]);
        var next = response.Headers.Location!.OriginalString;
        var page = await session.OpenAsync(next);
        var again = await session.OpenAsync(next);

        Assert.Equal("self", page.QuerySelector(".support-notice")!.GetAttribute("data-category"));
        Assert.NotNull(page.QuerySelector(".support-notice a[href='/safety-plan']"));
        Assert.Contains(words, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(again.QuerySelector(".support-notice"));
    }

    [Fact]
    public async Task After_a_heavy_check_in_the_page_offers_a_saved_letter_and_after_a_calm_one_it_does_not()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        var nothingYet = await session.OpenAsync((await session.SubmitAsync("/check-ins/new", [Field("Input.Threat", 9), Field("Input.Drive", 2), Field("Input.Soothe", 1)])).Headers.Location!.OriginalString);
        var card = await session.SubmitAsync("/ally-cards/new", [Field("Input.Text", "This will pass.")]);
        var withCard = await session.OpenAsync((await session.SubmitAsync("/check-ins/new", [Field("Input.Threat", 7), Field("Input.Drive", 2), Field("Input.Soothe", 3)])).Headers.Location!.OriginalString);
        var letter = await session.SubmitAsync("/letters/new?variation=to-yourself", [Field("Input.Parts.Acknowledge", "Dear me."), Field("Input.Status", "done")]);
        var heavy = await session.SubmitAsync("/check-ins/new", [Field("Input.Threat", 8), Field("Input.Drive", 2), Field("Input.Soothe", 2)]);
        var offered = await session.OpenAsync(heavy.Headers.Location!.OriginalString);
        var later = await session.OpenAsync(heavy.Headers.Location!.OriginalString);
        var calm = await session.OpenAsync((await session.SubmitAsync("/check-ins/new", [Field("Input.Threat", 6), Field("Input.Drive", 2), Field("Input.Soothe", 2)])).Headers.Location!.OriginalString);

        Assert.Null(nothingYet.QuerySelector(".reread"));
        Assert.NotNull(withCard.QuerySelector(".reread a[href='/ally-cards']"));
        Assert.NotNull(offered.QuerySelector($".reread a[href='{letter.Headers.Location!.OriginalString}']"));
        Assert.Null(later.QuerySelector(".reread"));
        Assert.Null(calm.QuerySelector(".reread"));
        Assert.NotNull(card.Headers.Location);
    }

    [Fact]
    public async Task The_page_script_reads_the_critics_words_with_the_pages_token_and_never_without_it()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        var form = await session.OpenAsync("/ally-records/new");
        var token = form.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")!.Value;

        var without = await session.Client.PostAsJsonAsync("/api/v1/analysis", new { text = "I'm hopeless." }, Cancel);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/analysis") { Content = JsonContent.Create(new { text = "I'm hopeless." }) };
        request.Headers.Add("RequestVerificationToken", token);
        var with = await session.Client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.True((await with.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("selfCriticism").GetProperty("present").GetBoolean());
    }

    [Fact]
    public async Task Over_time_says_how_often_and_charts_the_ratings_with_a_table()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        await session.SubmitAsync("/journal/new", [Field("Input.Text", "One.")]);
        await session.SubmitAsync("/ally-records/new", [Field("Input.CriticWords", "Not again."), Field("Input.HarshnessBefore", 8), Field("Input.HarshnessAfter", 5)]);

        var page = await session.OpenAsync("/write/over-time?days=90");

        Assert.Contains("In the last 90 days you wrote on 1 day: 1 journal entry and 1 critic-to-ally record.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("svg.trend").Length);
        Assert.Contains("averaged 8.0 at the start of a record and 5.0 at the end", page.QuerySelector("#harshness-desc")!.TextContent, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("details table tbody tr");
        Assert.Equal(["8", "5", "", ""], rows[rows.Length - 1].QuerySelectorAll("td").Select(t => t.TextContent));
        PageBrowser.AssertRedirectsTo(await session.Client.GetAsync("/write/over-time?days=7", Cancel), "/write/over-time");
    }

    private static List<string> Excerpts(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("ul.writing-list .excerpt").Select(e => e.TextContent.Trim())];
}
