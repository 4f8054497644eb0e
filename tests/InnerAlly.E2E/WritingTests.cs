using System.Text.RegularExpressions;
using InnerAlly.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace InnerAlly.E2E;

/// <summary>
/// A person writes: a whole critic-to-ally record step by step with the engine's notes, a letter from
/// draft to read-back (and read aloud), a journal entry through a dropped connection, and a record and
/// a letter with scripts off. The axe, 320 px and CSP checks of these pages are in the suites that walk
/// every page (<see cref="AppPage.AllyRecordStep"/> and the others after <see cref="AppPage.Write"/>).
/// </summary>
public sealed partial class WritingTests(BrowserApp app) : BrowserTest(app)
{
    private async Task<IPage> SignedInPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await NewContextAsync(options);
        await SignUpAndSignInAsync(context);
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task A_whole_critic_to_ally_record_step_by_step_with_the_engines_notes_and_prompts()
    {
        var page = await SignedInPageAsync();
        await GoAsync(page, "/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Write" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "From critic to ally" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a record" }).First.ClickAsync();
        var progress = page.Locator("[data-steps-progress]");

        // 1. What happened: one step at a time, the others out of sight.
        await Expect(progress).ToHaveTextAsync("Step 1 of 7");
        await Expect(page.Locator("section[data-step]:visible")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Skip this step" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "What happened" }).FillAsync("I sent the report late and my manager mentioned it in the meeting.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        // 2. The critic's words: the engine marks the self-critical sentences and names a trap.
        await Expect(progress).ToHaveTextAsync("Step 2 of 7");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2. What your inner critic said" })).ToBeFocusedAsync();
        await page.GetByLabel("Your critic's words").FillAsync(CriticWords);
        var notes = page.Locator("[data-analysis-for='record-criticWords']");
        await Expect(notes.Locator("mark").First).ToBeVisibleAsync();
        await Expect(notes.Locator("mark")).ToContainTextAsync(["You're so lazy."]);
        await Expect(notes.Locator("dl.traps dt").First).ToBeVisibleAsync();
        await page.GetByLabel("How harsh does the critic feel right now?").SelectOptionAsync("8");
        await SaveScreenshotAsync(page, "AllyRecordStep-1280");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        // 3. How it felt.
        await Expect(progress).ToHaveTextAsync("Step 3 of 7");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Ashamed" }).CheckAsync();
        await page.GetByLabel("In your body").FillAsync("Hot face, tight chest.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        // 4. What the critic may fear: the engine's question is offered, not filled in.
        await Expect(progress).ToHaveTextAsync("Step 4 of 7");
        var offeredFear = page.Locator("[data-offered='fear']");
        await Expect(offeredFear).ToBeVisibleAsync();
        await Expect(offeredFear).ToContainTextAsync("if it helps");
        await Expect(page.GetByLabel("What it may be afraid of")).ToHaveValueAsync("");
        await page.GetByLabel("What it may be afraid of").FillAsync("That people will think I'm lazy.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        // 5. The reply in three parts; a step back and forth keeps everything.
        await Expect(progress).ToHaveTextAsync("Step 5 of 7");
        await Expect(page.Locator("[data-offered='friend']")).ToBeVisibleAsync();
        await page.GetByLabel("Wisdom: why this makes sense").FillAsync("I was exhausted and I care about my work.");
        await page.GetByLabel("Strength: what would help now").FillAsync("Ask for a clearer deadline.");
        await page.GetByLabel("Warmth: kind words").FillAsync("You deserve kindness, not punishment.");
        await page.GetByLabel("How much do you believe these words right now?").SelectOptionAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
        await Expect(page.GetByLabel("What it may be afraid of")).ToHaveValueAsync("That people will think I'm lazy.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        // 6. One small kind action, skipped.
        await Expect(progress).ToHaveTextAsync("Step 6 of 7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip this step" }).ClickAsync();

        // 7. Looking again: the reply is read back before the after ratings.
        await Expect(progress).ToHaveTextAsync("Step 7 of 7");
        await Expect(page.Locator("[data-echo-text]")).ToContainTextAsync("You deserve kindness, not punishment.");
        await page.GetByLabel("How harsh does the critic feel now?").SelectOptionAsync("5");
        await page.GetByLabel("How much do you believe your compassionate reply now?").SelectOptionAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my record" }).ClickAsync();

        await WaitForPageAsync(page, RecordUrl());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await Expect(page.Locator(".ally-reply")).ToContainTextAsync("Ask for a clearer deadline.");
        await Expect(page.Locator("section.analysis mark").First).ToHaveTextAsync("You're so lazy.");
        await Expect(page.Locator("table.ratings tbody tr").First.Locator("td")).ToHaveTextAsync(["8", "5"]);
        await Expect(page.Locator("table.ratings tbody tr").Last.Locator("td")).ToHaveTextAsync(["3", "6"]);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('innerally.draft.')).length"));
        await SaveScreenshotAsync(page, "AllyRecord-1280");

        // The reply becomes a card, which then opens first in the deck, two taps from the main bar (Write, then Ally cards).
        await page.GetByRole(AriaRole.Link, new() { Name = "Keep this reply as an ally card" }).ClickAsync();
        await page.GetByLabel("The words to keep").FillAsync("You deserve kindness, not punishment.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep this card" }).ClickAsync();
        await GoAsync(page, "/help");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Write" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ally cards", Exact = true }).ClickAsync();
        await Expect(page.Locator(".ally-card blockquote")).ToHaveTextAsync("You deserve kindness, not punishment.");
    }

    // Records what the page asks the browser's voice to say, and finishes each line at once.
    private const string SpeechRecorder = """
        window.__spoken = [];
        if (window.speechSynthesis) {
          window.speechSynthesis.speak = (u) => { window.__spoken.push(u.text); setTimeout(() => u.onend && u.onend(), 20); };
          window.speechSynthesis.cancel = () => {};
        }
        """;

    [Fact]
    public async Task A_letter_goes_from_draft_to_read_back_and_is_read_aloud_part_by_part()
    {
        var context = await NewContextAsync();
        await SignUpAndSignInAsync(context);
        await context.AddInitScriptAsync(SpeechRecorder);
        var page = await context.NewPageAsync();
        await GoAsync(page, "/letters/new?variation=to-yourself");

        await page.GetByLabel("Acknowledge the pain").FillAsync("Dear me, this month has been heavy.");
        await page.GetByLabel("Why it makes sense").FillAsync("You have carried a lot, for a long time.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep it as a draft" }).ClickAsync();

        await WaitForPageAsync(page, LetterUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your letter, so far");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("draft is saved");
        await page.GetByRole(AriaRole.Link, new() { Name = "Keep writing" }).ClickAsync();
        await Expect(page.GetByLabel("Acknowledge the pain")).ToHaveValueAsync("Dear me, this month has been heavy.");
        await page.GetByLabel("Encouragement toward one step").FillAsync("Tomorrow, one walk. That is enough.");
        await page.GetByLabel("A warm close").FillAsync("With love, me.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Finish and read it back" }).ClickAsync();

        await WaitForPageAsync(page, LetterUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your letter");
        var paragraphs = new[] { "Dear me, this month has been heavy.", "You have carried a lot, for a long time.", "Tomorrow, one walk. That is enough.", "With love, me." };
        await Expect(page.Locator("article.letter p")).ToHaveTextAsync(paragraphs);
        await SaveScreenshotAsync(page, "LetterReadBack-1280");

        await page.GetByRole(AriaRole.Button, new() { Name = "Read it aloud" }).ClickAsync();
        await page.WaitForFunctionAsync("() => window.__spoken.length === 4");
        Assert.Equal(paragraphs, await page.EvaluateAsync<string[]>("() => window.__spoken"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Read it aloud" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop reading" })).ToBeHiddenAsync();

        // Back on the list it is finished, no longer a draft.
        await GoAsync(page, "/letters");
        await Expect(page.Locator("ul.writing-list .status-tag")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task On_a_phone_a_letter_is_written_one_part_at_a_time_and_its_draft_kept()
    {
        var page = await SignedInPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await GoAsync(page, "/letters/new?variation=to-yourself");

        await Expect(page.GetByLabel("Acknowledge the pain")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Why it makes sense")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-steps-progress]")).ToHaveTextAsync("Step 1 of 7");
        await page.GetByLabel("Acknowledge the pain").FillAsync("This week has been so hard.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        await Expect(page.GetByLabel("Acknowledge the pain")).ToBeHiddenAsync();
        await Expect(page.GetByLabel("Why it makes sense")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-steps-progress]")).ToHaveTextAsync("Step 2 of 7");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Finish and read it back" })).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('innerally.draft.'))");
        await SaveScreenshotAsync(page, "LetterOnePart-390");

        // Opened again: the words are put back, on the first part; a wide screen shows every part at once.
        await GoAsync(page, "/letters/new?variation=to-yourself");
        await Expect(page.GetByLabel("Acknowledge the pain")).ToHaveValueAsync("This week has been so hard.");
        await page.SetViewportSizeAsync(1280, 800);
        await Expect(page.GetByLabel("Why it makes sense")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-steps-progress]")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Words_written_when_the_connection_drops_are_kept_and_let_go_once_saved()
    {
        var context = await NewContextAsync();
        await SignUpAndSignInAsync(context);
        var page = await context.NewPageAsync();
        await GoAsync(page, "/journal/new");
        const string words = "Written on the train, just before the tunnel.";
        await page.GetByLabel("Write freely").FillAsync(words);
        await page.GetByLabel("Tags").FillAsync("travel");

        await context.SetOfflineAsync(true);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save entry" }).ClickAsync();
        await WaitUntilLoadedAsync(page);
        await context.SetOfflineAsync(false);

        // Opened again later: the words are back, and nothing is saved yet.
        await GoAsync(page, "/journal/new");
        await Expect(page.Locator(".draft-notice")).ToContainTextAsync("put it back");
        await Expect(page.GetByLabel("Write freely")).ToHaveValueAsync(words);
        await Expect(page.GetByLabel("Tags")).ToHaveValueAsync("travel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save entry" }).ClickAsync();

        await WaitForPageAsync(page, EntryUrl());
        await Expect(page.Locator(".card .note-text")).ToHaveTextAsync(words);
        await GoAsync(page, "/journal/new");
        await Expect(page.Locator(".draft-notice")).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Write freely")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task Signing_out_forgets_every_draft_kept_in_the_browser()
    {
        var page = await SignedInPageAsync();
        await GoAsync(page, "/letters/new?variation=to-yourself");
        await page.GetByLabel("A warm close").FillAsync("Not finished yet.");
        await page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('innerally.draft.'))");

        // A slow answer to signing out: the field's change event (it loses focus to the button) must
        // not keep a new copy after the drafts were forgotten, however long the page takes to go.
        await page.RouteAsync("**/account/logout", async route =>
        {
            await Task.Delay(1500);
            await route.ContinueAsync();
        });
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByText("More").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await WaitForPageAsync(page, new Regex("/$|/account/"));

        Assert.Equal(0, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('innerally.draft.')).length"));
    }

    [Fact]
    public async Task With_javascript_off_a_record_shows_every_step_at_once_and_a_letter_is_kept_and_read_back()
    {
        var page = await SignedInPageAsync(new() { JavaScriptEnabled = false });
        await GoAsync(page, "/ally-records/new");
        await Expect(page.Locator("section[data-step]:visible")).ToHaveCountAsync(7);
        await page.GetByLabel("Your critic's words").FillAsync("Typical. You always mess it up.");
        await page.GetByLabel("Warmth: kind words").FillAsync("Mistakes are how everyone learns.");
        await page.GetByLabel("How harsh does the critic feel now?").SelectOptionAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my record" }).ClickAsync();
        await WaitForPageAsync(page, RecordUrl());
        await Expect(page.Locator(".ally-reply")).ToContainTextAsync("Mistakes are how everyone learns.");
        await Expect(page.Locator("section.analysis")).ToBeVisibleAsync();

        await GoAsync(page, "/letters/new?variation=to-yourself");
        await page.GetByLabel("Without blame").FillAsync("It wasn't all on you.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Finish and read it back" }).ClickAsync();
        await WaitForPageAsync(page, LetterUrl());
        await Expect(page.Locator("article.letter p")).ToHaveTextAsync(["It wasn't all on you."]);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Read it aloud" })).ToBeHiddenAsync();
    }

    [GeneratedRegex("/ally-records/[0-9a-f-]{36}$")]
    private static partial Regex RecordUrl();

    [GeneratedRegex("/letters/[0-9a-f-]{36}$")]
    private static partial Regex LetterUrl();

    [GeneratedRegex("/journal/[0-9a-f-]{36}$")]
    private static partial Regex EntryUrl();
}
