using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace InnerAlly.E2E.Infrastructure;

/// <summary>The writing pages (journal, critic-to-ally records, letters, ally cards), each opened with something written.</summary>
public abstract partial class BrowserTest
{
    public const string CriticWords = "You're so lazy. You never finish anything. Everyone can see you're a joke.";

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenWritingPageAsync(IBrowserContext context, IPage page, AppPage which)
    {
        var person = await SignUpAndSignInAsync(context);
        var api = new WritingApi(context, await ApiTokenAsync(context, person));
        switch (which)
        {
            case AppPage.Write:
                return (await GoAsync(page, "/write"),
                [
                    ("the journal link", page.GetByRole(AriaRole.Link, new() { Name = "Your journal" })),
                    ("the critic-to-ally link", page.GetByRole(AriaRole.Link, new() { Name = "From critic to ally" })),
                    ("the ally cards link", page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Ally cards" })),
                ]);
            case AppPage.Journal:
                await api.PostAsync("/api/v1/journal-entries", new { text = "Walked the long way home. The river was high after the rain and it steadied me.", tags = new[] { "walks", "evenings" } });
                await api.PostAsync("/api/v1/journal-entries", new { text = "A hard meeting. I kept going over what I said.", prompt = "What was hard today, and what did you need in that moment?", tags = new[] { "work" } });
                return (await GoAsync(page, "/journal"),
                [
                    ("the search field", page.GetByLabel("Find entries")),
                    ("the Find button", page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true })),
                    ("the 'Write an entry' link", page.GetByRole(AriaRole.Link, new() { Name = "Write an entry" })),
                ]);
            case AppPage.JournalWriting:
                return (await GoAsync(page, "/journal/new"),
                [
                    ("the entry", page.GetByLabel("Write freely")),
                    ("the 'Write about this' link", page.GetByRole(AriaRole.Link, new() { Name = "Write about this" })),
                    ("the 'Save entry' button", page.GetByRole(AriaRole.Button, new() { Name = "Save entry" })),
                ]);
            case AppPage.JournalDraftRestored:
                {
                    await GoAsync(page, "/journal/new");
                    await page.GetByLabel("Write freely").FillAsync("Words written just before the train went into the tunnel.");
                    await page.WaitForFunctionAsync("() => Object.keys(localStorage).some(k => k.startsWith('innerally.draft.'))");
                    var response = await GoAsync(page, "/journal/new");
                    var notice = page.Locator(".draft-notice");
                    await Expect(notice).ToBeVisibleAsync();
                    return (response,
                    [
                        ("the notice", notice),
                    ("the words put back", page.GetByLabel("Write freely")),
                    ("the 'Save entry' button", page.GetByRole(AriaRole.Button, new() { Name = "Save entry" })),
                ]);
                }

            case AppPage.JournalEntry:
                {
                    var checkIn = await api.PostAsync("/api/v1/check-ins", new { threat = 7, drive = 4, soothe = 3 });
                    var entry = await api.PostAsync("/api/v1/journal-entries", new
                    {
                        text = "Burned the dinner when the kids were all home. I'm such a useless idiot.",
                        prompt = "What was hard today, and what did you need in that moment?",
                        tags = new[] { "home" },
                        checkInId = checkIn.GetProperty("id").GetGuid(),
                    });
                    return (await GoAsync(page, $"/journal/{entry.GetProperty("id").GetGuid()}"),
                    [
                        ("the entry", page.Locator(".card .note-text")),
                    ("the 'Answer the critic' link", page.GetByRole(AriaRole.Link, new() { Name = "Answer the critic" })),
                    ("the 'Change this entry' link", page.GetByRole(AriaRole.Link, new() { Name = "Change this entry" })),
                ]);
                }

            case AppPage.AllyRecords:
                await api.PostAsync("/api/v1/ally-records", FullRecord);
                return (await GoAsync(page, "/ally-records"),
                [
                    ("the record", page.Locator("ul.writing-list a").First),
                    ("the 'Start a record' link", page.GetByRole(AriaRole.Link, new() { Name = "Start a record" })),
                ]);
            case AppPage.AllyRecordStep:
                {
                    var response = await GoAsync(page, "/ally-records/new");
                    await page.GetByRole(AriaRole.Button, new() { Name = "Skip this step" }).ClickAsync();
                    await page.GetByLabel("Your critic's words").FillAsync(CriticWords);
                    var notes = page.Locator("[data-analysis-for='record-criticWords']");
                    await Expect(notes.Locator("mark").First).ToBeVisibleAsync();
                    return (response,
                    [
                        ("the critic's words", page.GetByLabel("Your critic's words")),
                    ("the engine's notes", notes),
                    ("the Next button", page.GetByRole(AriaRole.Button, new() { Name = "Next" })),
                    ("the 'Save my record' button", page.GetByRole(AriaRole.Button, new() { Name = "Save my record" })),
                ]);
                }

            case AppPage.AllyRecord:
                {
                    var record = await api.PostAsync("/api/v1/ally-records", FullRecord);
                    return (await GoAsync(page, $"/ally-records/{record.GetProperty("id").GetGuid()}"),
                    [
                        ("the reply", page.Locator(".ally-reply")),
                    ("the 'Keep this reply as an ally card' link", page.GetByRole(AriaRole.Link, new() { Name = "Keep this reply as an ally card" })),
                    ("the engine's notes", page.Locator("section.analysis")),
                ]);
                }

            case AppPage.Letters:
                await api.PostAsync("/api/v1/letters", FullLetter);
                await api.PostAsync("/api/v1/letters", new { parts = new { acknowledge = "Dear me, this week has been a lot." }, status = "draft" });
                return (await GoAsync(page, "/letters"),
                [
                    ("the draft", page.Locator("ul.writing-list a").First),
                    ("the 'Write a letter' link", page.GetByRole(AriaRole.Link, new() { Name = "Write a letter" })),
                ]);
            case AppPage.LetterKinds:
                return (await GoAsync(page, "/letters/new"),
                [
                    ("the first kind of letter", page.GetByRole(AriaRole.Radio).First),
                    ("the 'Start writing' button", page.GetByRole(AriaRole.Button, new() { Name = "Start writing" })),
                ]);
            case AppPage.LetterWriting:
                return (await GoAsync(page, "/letters/new?variation=to-the-critic"),
                [
                    ("the first part", page.GetByLabel("Acknowledge the pain")),
                    ("the 'Finish and read it back' button", page.GetByRole(AriaRole.Button, new() { Name = "Finish and read it back" })),
                    ("the 'Keep it as a draft' button", page.GetByRole(AriaRole.Button, new() { Name = "Keep it as a draft" })),
                ]);
            case AppPage.LetterReadBack:
                {
                    var letter = await api.PostAsync("/api/v1/letters", FullLetter);
                    return (await GoAsync(page, $"/letters/{letter.GetProperty("id").GetGuid()}"),
                    [
                        ("the letter", page.Locator("article.letter")),
                    ("the 'Keep some of it as an ally card' link", page.GetByRole(AriaRole.Link, new() { Name = "Keep some of it as an ally card" })),
                ]);
                }

            case AppPage.AllyCards:
                await api.PostAsync("/api/v1/ally-cards", new { text = "You are allowed to rest. Rest is not something you have to earn." });
                await api.PostAsync("/api/v1/ally-cards", new { text = "You did your best with what you knew then." });
                return (await GoAsync(page, "/ally-cards"),
                [
                    ("the card", page.Locator(".ally-card")),
                    ("the 'Another card' link", page.GetByRole(AriaRole.Link, new() { Name = "Another card" })),
                ]);
            case AppPage.AllyCardKeeping:
                {
                    var record = await api.PostAsync("/api/v1/ally-records", FullRecord);
                    return (await GoAsync(page, $"/ally-cards/new?allyRecord={record.GetProperty("id").GetGuid()}"),
                    [
                        ("the words", page.GetByLabel("The words to keep")),
                    ("the 'Keep this card' button", page.GetByRole(AriaRole.Button, new() { Name = "Keep this card" })),
                ]);
                }

            case AppPage.WritingOverTime:
                await api.PostAsync("/api/v1/ally-records", FullRecord);
                await api.PostAsync("/api/v1/ally-records", new { criticWords = "Not good enough, again.", harshnessBefore = 7, harshnessAfter = 6, beliefBefore = 2, beliefAfter = 4 });
                await api.PostAsync("/api/v1/journal-entries", new { text = "A short note." });
                return (await GoAsync(page, "/write/over-time"),
                [
                    ("the harshness chart", page.Locator("svg.trend").First),
                    ("the belief chart", page.Locator("svg.trend").Last),
                ]);
            case AppPage.WritingDelete:
                {
                    var entry = await api.PostAsync("/api/v1/journal-entries", new { text = "Something I might not want to keep." });
                    return (await GoAsync(page, $"/journal/{entry.GetProperty("id").GetGuid()}/delete"),
                    [
                        ("the 'Delete it' button", page.GetByRole(AriaRole.Button, new() { Name = "Delete it" })),
                    ("the 'Keep it' link", page.GetByRole(AriaRole.Link, new() { Name = "Keep it" })),
                ]);
                }

            case AppPage.CheckInReread:
                {
                    await api.PostAsync("/api/v1/letters", FullLetter);
                    await GoAsync(page, "/check-ins/new");
                    await page.Locator("fieldset.system-threat").GetByRole(AriaRole.Radio, new() { Name = "8", Exact = true }).CheckAsync();
                    await page.Locator("fieldset.system-drive").GetByRole(AriaRole.Radio, new() { Name = "2", Exact = true }).CheckAsync();
                    await page.Locator("fieldset.system-soothe").GetByRole(AriaRole.Radio, new() { Name = "2", Exact = true }).CheckAsync();
                    var detail = page.WaitForResponseAsync(r => r.Request.Method == "GET" && r.Url.Contains("/check-ins/", StringComparison.Ordinal) && !r.Url.EndsWith("/new", StringComparison.Ordinal));
                    await SaveButton(page).ClickAsync();
                    var response = await detail;
                    return (response,
                    [
                        ("the 'Reread my letter' link", page.GetByRole(AriaRole.Link, new() { Name = "Reread my letter" })),
                    ("the circles", page.Locator("svg.circles")),
                ]);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(which), which, null);
        }
    }

    protected static readonly object FullRecord = new
    {
        situation = "I sent the report late and my manager asked about it in the team meeting.",
        criticWords = CriticWords,
        feelings = new { emotions = new[] { "ashamed", "anxious" }, body = "Hot face, tight chest." },
        criticFear = "That people will think I'm lazy and leave me out.",
        allyWisdom = "Of course I felt exposed. I was tired, and I care about doing good work.",
        allyStrength = "I can tell my manager what got in the way and ask for a clearer deadline.",
        allyWarmth = "You're doing your best in a hard week. You deserve kindness, not punishment.",
        action = "Go to bed by ten.",
        harshnessBefore = 8,
        harshnessAfter = 5,
        beliefBefore = 3,
        beliefAfter = 6,
    };

    protected static readonly object FullLetter = new
    {
        parts = new
        {
            acknowledge = "Dear me, I can see how much this week has hurt.",
            understand = "After the year you've had, it makes sense that you feel worn down.",
            commonHumanity = "Lots of people feel like this when too much lands at once.",
            noBlame = "None of this makes you a bad person.",
            whatWouldHelp = "Rest, a walk by the river, and a call with Jo.",
            encouragement = "You could ask Sam for help on Monday. One step is enough.",
            close = "With love, always, me.",
        },
        status = "done",
    };

    /// <summary>The person's bearer API, from the context's own request context.</summary>
    protected sealed class WritingApi(IBrowserContext context, string token)
    {
        public async Task<JsonElement> PostAsync(string url, object body)
        {
            var response = await context.APIRequest.PostAsync(url, new()
            {
                DataObject = body,
                Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
            });
            await ExpectOkAsync(response);
            return (await response.JsonAsync())!.Value;
        }
    }
}
