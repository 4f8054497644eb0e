using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace InnerAlly.E2E.Infrastructure;

/// <summary>The pages every browser check walks through, each opened in the state a person would see it.</summary>
public enum AppPage
{
    /// <summary>/account/login, built on the accounts branch.</summary>
    SignIn,

    /// <summary>/account/register, built on the accounts branch.</summary>
    Register,

    /// <summary>/check-ins/new, empty.</summary>
    CheckIn,

    /// <summary>/check-ins/new after saving with nothing chosen: the messages beside each scale.</summary>
    CheckInWithMessages,

    /// <summary>/check-ins/{id}: the three circles, feelings and note.</summary>
    CheckInDetail,

    /// <summary>/check-ins/{id} right after saving a note the risk check reads as risk: the support notice beneath the saved note.</summary>
    CheckInSupport,

    /// <summary>/check-ins with a check-in on each of the last 30 days: the trend and the list.</summary>
    History,

    /// <summary>/help, signed out.</summary>
    Help,

    /// <summary>/help, signed in with New Zealand chosen as their country: its lines first, and their safety plan.</summary>
    HelpSignedIn,

    /// <summary>/account: signing in, the time zone and the country for crisis lines.</summary>
    Account,

    /// <summary>/account/two-factor before it is on: the three steps, the QR code and the key.</summary>
    TwoFactor,

    /// <summary>/account/passkeys with none yet: what a passkey is and the form to add one.</summary>
    Passkeys,

    /// <summary>/account/sessions with a second sign-in: each one, and ending one or all.</summary>
    Sessions,

    /// <summary>/account/confirm: the password once more before the locks on the account change.</summary>
    ConfirmPassword,

    /// <summary>/safety-plan before anything is written: what a safety plan is, and an invitation.</summary>
    SafetyPlanEmpty,

    /// <summary>/safety-plan with every step written: the plan to read and print, and the lines for the person's country.</summary>
    SafetyPlan,

    /// <summary>/safety-plan/edit: each step explained beside its field.</summary>
    SafetyPlanEdit,

    /// <summary>/practices: the library.</summary>
    PracticeLibrary,

    /// <summary>/practices/soothing-rhythm-breathing: what it is for and its script.</summary>
    Practice,

    /// <summary>/practices/soothing-rhythm-breathing with the guided player started and its pacer moving.</summary>
    PracticePlaying,

    /// <summary>/practices/compassionate-self-meets-the-critic: one of the practices written for issue 15.</summary>
    PracticeMeetingTheCritic,

    /// <summary>/practices/breathe: the breathing pacer on its own, with its pace form.</summary>
    Breathe,

    /// <summary>/practices/safe-place/log: logging a session.</summary>
    PracticeLog,

    /// <summary>/practices/history with sessions logged: this month, what helps, the list.</summary>
    PracticeHistory,

    /// <summary>/practices/rhythm with a practice in the week and a calendar address made.</summary>
    PracticeRhythm,

    /// <summary>/learn: the course.</summary>
    Course,

    /// <summary>/learn/the-three-systems: a lesson with its question.</summary>
    Lesson,

    /// <summary>/learn/fears-blocks-and-resistances: one of the lessons written for issue 15, with its grounding list.</summary>
    LessonFears,

    /// <summary>/learn/references.</summary>
    References,

    /// <summary>/measures with a PHQ-9 score and a GAD-7 draft: the questionnaires, the latest score, "carry on".</summary>
    Questionnaires,

    /// <summary>/measures/phq9, nothing answered yet: one question at a time on a phone, all on one page on a wide screen.</summary>
    Questionnaire,

    /// <summary>/measures/phq9 after item 9 is answered above "not at all": the support notice shown at once.</summary>
    QuestionnaireSupport,

    /// <summary>/measures/phq9/responses/{id}: the third PHQ-9, its band and its change since the first and the previous.</summary>
    QuestionnaireResult,

    /// <summary>/measures/phq9/history with three scores and a reminder: the chart with bands and cut-off, its table, the reminder form.</summary>
    QuestionnaireHistory,

    /// <summary>/account/delete: what goes, the download offered first, the password and the confirm button.</summary>
    DeleteAccount,

    /// <summary>/account/deleted, signed out: the goodbye after an account is deleted.</summary>
    AccountDeleted,

    /// <summary>/, signed in after a check-in with a quiet threat system: the last three circles, each labelled beside its own circle.</summary>
    Home,

    /// <summary>/write: the journal, critic-to-ally records, letters and ally cards.</summary>
    Write,

    /// <summary>/journal with entries and tags: search and the list.</summary>
    Journal,

    /// <summary>/journal/new: a suggested prompt and the entry's fields.</summary>
    JournalWriting,

    /// <summary>/journal/new with words this browser kept after the connection dropped, put back with a notice.</summary>
    JournalDraftRestored,

    /// <summary>/journal/{id}: a self-critical entry beside its check-in, with the offer to answer the critic.</summary>
    JournalEntry,

    /// <summary>/ally-records with a record.</summary>
    AllyRecords,

    /// <summary>/ally-records/new at step 2, the critic's words written and the engine's notes shown.</summary>
    AllyRecordStep,

    /// <summary>/ally-records/{id}: a whole record read back, with what the engine noticed.</summary>
    AllyRecord,

    /// <summary>/letters with a draft and a finished letter.</summary>
    Letters,

    /// <summary>/letters/new: choosing the kind of letter.</summary>
    LetterKinds,

    /// <summary>/letters/new?variation=to-the-critic: each part with that kind's prompt.</summary>
    LetterWriting,

    /// <summary>/letters/{id}: a finished letter read back, with read-aloud.</summary>
    LetterReadBack,

    /// <summary>/ally-cards with two cards: the deck.</summary>
    AllyCards,

    /// <summary>/ally-cards/new begun from a record's compassionate reply.</summary>
    AllyCardKeeping,

    /// <summary>/write/over-time with rated records: how often, and the two charts.</summary>
    WritingOverTime,

    /// <summary>/journal/{id}/delete: asking once.</summary>
    WritingDelete,

    /// <summary>/check-ins/{id} right after a heavy check-in: the offer to reread a letter.</summary>
    CheckInReread,
}

public abstract partial class BrowserTest
{
    public static TheoryData<AppPage> AllPages => new(Enum.GetValues<AppPage>());

    /// <summary>An open page and the things on it a person came to use.</summary>
    protected sealed record OpenedPage(IPage Page, IResponse FirstResponse, IReadOnlyList<(string Name, ILocator Locator)> MainActions);

    /// <summary>
    /// Opens <paramref name="which"/> in a new tab of <paramref name="context"/>, signing in first where the page
    /// needs it; the tab is <paramref name="viewport"/> wide from the start when one is given.
    /// </summary>
    protected async Task<OpenedPage> OpenAsync(IBrowserContext context, AppPage which, ViewportSize? viewport = null)
    {
        var page = await context.NewPageAsync();
        if (viewport is not null)
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        }

        var (response, actions) = which switch
        {
            AppPage.SignIn => await OpenSignInAsync(page),
            AppPage.Register => await OpenRegisterAsync(page),
            AppPage.CheckIn => await OpenCheckInAsync(context, page),
            AppPage.CheckInWithMessages => await OpenCheckInWithMessagesAsync(context, page),
            AppPage.CheckInDetail => await OpenDetailAsync(context, page),
            AppPage.CheckInSupport => await OpenCheckInSupportAsync(context, page),
            AppPage.History => await OpenHistoryAsync(context, page),
            AppPage.Help => await OpenHelpAsync(page),
            AppPage.HelpSignedIn => await OpenHelpSignedInAsync(context, page),
            AppPage.Account => await OpenSignedInAsync(context, page, "/account",
                ("the time zone", page.GetByLabel("Time zone", new() { Exact = true })),
                ("the country", page.GetByLabel("Your country", new() { Exact = true })),
                ("the 'Save country' button", page.GetByRole(AriaRole.Button, new() { Name = "Save country" }))),
            AppPage.SafetyPlanEmpty => await OpenSignedInAsync(context, page, "/safety-plan",
                ("the 'Write my plan' link", page.GetByRole(AriaRole.Link, new() { Name = "Write my plan" }))),
            AppPage.SafetyPlan => await OpenSafetyPlanAsync(context, page),
            AppPage.SafetyPlanEdit => await OpenSignedInAsync(context, page, "/safety-plan/edit",
                ("the first step", page.GetByLabel("1. My warning signs")),
                ("the 'Save my plan' button", page.GetByRole(AriaRole.Button, new() { Name = "Save my plan" }))),
            AppPage.PracticeLibrary => await OpenSignedInAsync(context, page, "/practices", ("the first practice", page.Locator(".practice-card h3 a").First)),
            AppPage.Practice => await OpenSignedInAsync(context, page, "/practices/soothing-rhythm-breathing",
                ("the script", page.Locator("ol.script")),
                ("the 'I did this practice' link", page.GetByRole(AriaRole.Link, new() { Name = "I did this practice" }))),
            AppPage.PracticePlaying => await OpenPracticePlayingAsync(context, page),
            AppPage.PracticeMeetingTheCritic => await OpenSignedInAsync(context, page, "/practices/compassionate-self-meets-the-critic",
                ("the script", page.Locator("ol.script")),
                ("the 'I did this practice' link", page.GetByRole(AriaRole.Link, new() { Name = "I did this practice" }))),
            AppPage.Breathe => await OpenSignedInAsync(context, page, "/practices/breathe",
                ("the Start button", page.Locator("[data-player]").GetByRole(AriaRole.Button, new() { Name = "Start" })),
                ("the 'Use this pace' button", page.GetByRole(AriaRole.Button, new() { Name = "Use this pace" }))),
            AppPage.PracticeLog => await OpenSignedInAsync(context, page, "/practices/safe-place/log", ("the Save button", page.GetByRole(AriaRole.Button, new() { Name = "Save" }))),
            AppPage.PracticeHistory => await OpenPracticeHistoryAsync(context, page),
            AppPage.PracticeRhythm => await OpenPracticeRhythmAsync(context, page),
            AppPage.Course => await OpenSignedInAsync(context, page, "/learn", ("the first lesson", page.Locator(".lesson-list h2 a").First)),
            AppPage.Lesson => await OpenSignedInAsync(context, page, "/learn/the-three-systems",
                ("the answer field", page.GetByRole(AriaRole.Textbox)),
                ("the 'Save my answer' button", page.GetByRole(AriaRole.Button, new() { Name = "Save my answer" }))),
            AppPage.LessonFears => await OpenSignedInAsync(context, page, "/learn/fears-blocks-and-resistances",
                ("the answer field", page.GetByRole(AriaRole.Textbox)),
                ("the 'Save my answer' button", page.GetByRole(AriaRole.Button, new() { Name = "Save my answer" }))),
            AppPage.References => await OpenSignedInAsync(context, page, "/learn/references", ("the heading", page.GetByRole(AriaRole.Heading, new() { Level = 1 }))),
            AppPage.Questionnaires => await OpenQuestionnairesAsync(context, page),
            AppPage.Questionnaire => await OpenSignedInAsync(context, page, "/measures/phq9",
                ("the first question", page.Locator("#item-1")),
                ("the 'Save and see my scores' button", page.GetByRole(AriaRole.Button, new() { Name = "Save and see my scores" }))),
            AppPage.QuestionnaireSupport => await OpenQuestionnaireSupportAsync(context, page),
            AppPage.QuestionnaireResult => await OpenQuestionnaireResultAsync(context, page),
            AppPage.QuestionnaireHistory => await OpenQuestionnaireHistoryAsync(context, page),
            AppPage.DeleteAccount => await OpenSignedInAsync(context, page, "/account/delete",
                ("the 'Download your data' link", page.GetByRole(AriaRole.Link, new() { Name = "Download your data" })),
                ("the password", page.GetByLabel("Your password", new() { Exact = true })),
                ("the 'Keep my account' link", page.GetByRole(AriaRole.Link, new() { Name = "Keep my account" }))),
            AppPage.TwoFactor => await OpenSignedInAsync(context, page, "/account/two-factor",
                ("the 6-digit code", page.GetByLabel("6-digit code", new() { Exact = true })),
                ("the 'Turn on two-step sign-in' button", page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }))),
            AppPage.Passkeys => await OpenSignedInAsync(context, page, "/account/passkeys",
                ("the passkey's name", page.Locator("#passkey-name"))),
            AppPage.Sessions => await OpenSessionsAsync(context, page),
            AppPage.ConfirmPassword => await OpenSignedInAsync(context, page, "/account/confirm?returnUrl=%2Faccount%2Ftwo-factor",
                ("the password", page.GetByLabel("Your password", new() { Exact = true })),
                ("the 'Carry on' button", page.GetByRole(AriaRole.Button, new() { Name = "Carry on" }))),
            AppPage.AccountDeleted => (await GoAsync(page, "/account/deleted"), [("the heading", page.GetByRole(AriaRole.Heading, new() { Level = 1 }))]),
            AppPage.Home => await OpenHomeAsync(context, page),
            _ when which >= AppPage.Write => await OpenWritingPageAsync(context, page, which),
            _ => throw new ArgumentOutOfRangeException(nameof(which), which, null),
        };

        // "Need help now?" is on every page, always one click away.
        actions.Add(("the 'Need help now?' link", page.GetByRole(AriaRole.Link, new() { Name = "Need help now?" })));
        return new(page, response, actions);
    }

    protected static ILocator SaveButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Save check-in" });

    protected static ILocator SubmitButton(ILocator form) => form.Locator("button[type=submit], input[type=submit]").First;

    /// <summary>The sign-in form: the one in main with a password field (other forms, such as a passkey's, may sit beside it).</summary>
    protected static ILocator SignInForm(IPage page) => page.Locator("main form:has(input[type=password])");

    /// <summary>Labelled "Email" or, say, "Email address".</summary>
    protected static ILocator EmailField(ILocator form) => form.GetByLabel("Email");

    /// <summary>Labelled exactly "Password", so a "Show password" toggle is not mistaken for it.</summary>
    protected static ILocator PasswordField(ILocator form) => form.GetByLabel("Password", new() { Exact = true });

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenSignInAsync(IPage page)
    {
        var response = await GoAsync(page, "/account/login");
        var form = SignInForm(page);
        return (response,
        [
            ("the Email field", EmailField(form)),
            ("the Password field", PasswordField(form)),
            ("the submit button", SubmitButton(form)),
        ]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenRegisterAsync(IPage page)
    {
        var response = await GoAsync(page, "/account/register");
        return (response, [("the submit button", SubmitButton(page.Locator("main form")))]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenCheckInAsync(IBrowserContext context, IPage page)
    {
        await SignUpAndSignInAsync(context);
        var response = await GoAsync(page, "/check-ins/new");
        return (response, [("the Save button", SaveButton(page))]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenCheckInWithMessagesAsync(IBrowserContext context, IPage page)
    {
        await SignUpAndSignInAsync(context);
        var response = await GoAsync(page, "/check-ins/new");
        var posted = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.EndsWith("/check-ins/new", StringComparison.Ordinal));
        await SaveButton(page).ClickAsync();
        Assert.Equal(200, (await posted).Status);
        var message = page.GetByRole(AriaRole.Alert);
        await Expect(message).ToContainTextAsync("need another look");
        await Expect(page.Locator("fieldset.rating .field-error")).ToHaveCountAsync(3);
        return (response, [("the message", message), ("the Save button", SaveButton(page))]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenCheckInSupportAsync(IBrowserContext context, IPage page)
    {
        await SignUpAndSignInAsync(context);
        await GoAsync(page, "/check-ins/new");
        await page.Locator("fieldset.system-threat").GetByRole(AriaRole.Radio, new() { Name = "9", Exact = true }).CheckAsync();
        await page.Locator("fieldset.system-drive").GetByRole(AriaRole.Radio, new() { Name = "1", Exact = true }).CheckAsync();
        await page.Locator("fieldset.system-soothe").GetByRole(AriaRole.Radio, new() { Name = "1", Exact = true }).CheckAsync();
        await page.GetByLabel("A note for yourself").FillAsync("I don't want to be alive anymore.");
        var detail = page.WaitForResponseAsync(r => r.Request.Method == "GET" && r.Url.Contains("/check-ins/", StringComparison.Ordinal) && !r.Url.EndsWith("/new", StringComparison.Ordinal));
        await SaveButton(page).ClickAsync();
        var response = await detail;
        var notice = page.Locator(".support-notice");
        await Expect(notice).ToBeVisibleAsync();
        // The person's own words come first; the notice sits beneath them (SAFETY.md 2a).
        var note = await page.Locator(".note-text").BoundingBoxAsync();
        var box = await notice.BoundingBoxAsync();
        Assert.True(note!.Y + note.Height <= box!.Y, $"the notice (y {box.Y}) is above the saved note (y {note.Y})");
        return (response,
        [
            ("the support notice", notice),
            ("the 'Open my safety plan' link", notice.GetByRole(AriaRole.Link, new() { Name = "Open my safety plan" })),
        ]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenDetailAsync(IBrowserContext context, IPage page)
    {
        var person = await SignUpAndSignInAsync(context);
        var id = await RecordCheckInAsync(context, person, new
        {
            threat = 6,
            drive = 4,
            soothe = 3,
            emotions = new[] { "anxious", "pressured", "calm" },
            note = "Hard meeting this morning. Walked home the long way, which helped a little.",
        });
        var response = await GoAsync(page, $"/check-ins/{id}");
        return (response,
        [
            ("the circles", page.Locator("svg.circles")),
            ("the 'See how things have moved' link", page.GetByRole(AriaRole.Link, new() { Name = "See how things have moved" })),
            ("the 'Check in again' link", page.GetByRole(AriaRole.Link, new() { Name = "Check in again" })),
        ]);
    }

    private async Task<(IResponse, List<(string, ILocator)>)> OpenHistoryAsync(IBrowserContext context, IPage page)
    {
        await SignInAsync(context, BrowserApp.HistoryPerson);
        var response = await GoAsync(page, "/check-ins");
        // The page under test must really show the month of data, not an empty state.
        var shown = BrowserApp.HistoryCheckInsShownNow();
        Assert.InRange(shown, BrowserApp.HistoryDays - 1, BrowserApp.HistoryDays);
        await Expect(page.Locator(".trend-figure figcaption")).ToContainTextAsync($"checked in {shown} times on {shown} days");
        return (response,
        [
            ("the trend chart", page.Locator("svg.trend")),
            ("the 'Check in' button", page.Locator("main .button-row").GetByRole(AriaRole.Link, new() { Name = "Check in", Exact = true })),
        ]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenHomeAsync(IBrowserContext context, IPage page)
    {
        var person = await SignUpAndSignInAsync(context);
        await RecordCheckInAsync(context, person, new { threat = 1, drive = 5, soothe = 6 });
        var response = await GoAsync(page, "/");
        return (response,
        [
            ("the circles", page.Locator("svg.circles")),
            ("the 'Check in' button", page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Check in", Exact = true })),
        ]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenSignedInAsync(
        IBrowserContext context, IPage page, string path, params (string, ILocator)[] actions)
    {
        await SignUpAndSignInAsync(context);
        var response = await GoAsync(page, path);
        return (response, [.. actions]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenSessionsAsync(IBrowserContext context, IPage page)
    {
        await ApiTokenAsync(context, await SignUpAndSignInAsync(context)); // an app signed in too
        var response = await GoAsync(page, "/account/sessions");
        return (response, [("the 'End this sign-in' button", page.GetByRole(AriaRole.Button, new() { Name = "End this sign-in" }).First)]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenPracticePlayingAsync(IBrowserContext context, IPage page)
    {
        await SignUpAndSignInAsync(context);
        var response = await GoAsync(page, "/practices/soothing-rhythm-breathing");
        var player = page.Locator("[data-player]");
        await player.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Expect(player.Locator("[data-step-number]")).ToHaveTextAsync("Step 1 of 8");
        await Expect(player.Locator("[data-pacer]")).ToHaveAttributeAsync("data-phase", new Regex("^(in|out)$"));
        return (response,
        [
            ("the step", player.Locator("[data-step-now]")),
            ("the Pause button", player.GetByRole(AriaRole.Button, new() { Name = "Pause" })),
            ("the 'Next step' button", player.GetByRole(AriaRole.Button, new() { Name = "Next step" })),
            ("the Stop button", player.GetByRole(AriaRole.Button, new() { Name = "Stop" })),
        ]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenPracticeHistoryAsync(IBrowserContext context, IPage page)
    {
        var person = await SignUpAndSignInAsync(context);
        var token = await ApiTokenAsync(context, person);
        var sessions = new (string Practice, int MinutesAgo, int Seconds, int ThreatBefore, int SootheBefore, int ThreatAfter, int SootheAfter)[]
        {
            ("soothing-rhythm-breathing", 20, 300, 7, 2, 5, 4),
            ("soothing-rhythm-breathing", 60 * 25, 300, 6, 3, 5, 5),
            ("soothing-rhythm-breathing", 60 * 49, 180, 8, 2, 6, 3),
            ("safe-place", 60 * 3, 600, 5, 4, 4, 6),
        };
        foreach (var s in sessions)
        {
            var created = await context.APIRequest.PostAsync("/api/v1/practice-sessions", new()
            {
                DataObject = new
                {
                    practiceId = s.Practice,
                    startedAt = DateTimeOffset.UtcNow.AddMinutes(-s.MinutesAgo),
                    durationSeconds = s.Seconds,
                    before = new { threat = s.ThreatBefore, soothe = s.SootheBefore },
                    after = new { threat = s.ThreatAfter, soothe = s.SootheAfter },
                    note = s.Practice == "safe-place" ? "The beach again. It was easier to get there this time." : null,
                },
                Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
            });
            await ExpectOkAsync(created);
        }

        var response = await GoAsync(page, "/practices/history");
        await Expect(page.Locator("ul.insights")).ToContainTextAsync("Soothing rhythm breathing");
        return (response,
        [
            ("what helps you", page.Locator("ul.insights")),
            ("the 'Practise' button", page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Practise", Exact = true })),
        ]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenPracticeRhythmAsync(IBrowserContext context, IPage page)
    {
        var person = await SignUpAndSignInAsync(context);
        var headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {await ApiTokenAsync(context, person)}" };
        await ExpectOkAsync(await context.APIRequest.PostAsync("/api/v1/practice-rhythm", new()
        {
            DataObject = new { practiceId = "soothing-rhythm-breathing", minutes = 5, days = new[] { "monday", "wednesday", "friday" }, time = "07:30" },
            Headers = headers,
        }));
        await ExpectOkAsync(await context.APIRequest.PostAsync("/api/v1/practice-rhythm/calendar-feed", new() { Headers = headers }));
        var response = await GoAsync(page, "/practices/rhythm");
        return (response,
        [
            ("the week", page.Locator(".rhythm-list")),
            ("the 'Add to my week' button", page.GetByRole(AriaRole.Button, new() { Name = "Add to my week" })),
            ("the calendar address", page.GetByLabel("Your calendar address")),
        ]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenHelpSignedInAsync(IBrowserContext context, IPage page)
    {
        var person = await SignUpAndSignInAsync(context);
        await ExpectOkAsync(await context.APIRequest.PutAsync("/api/v1/account/preferences", new()
        {
            DataObject = new { timeZone = "Pacific/Auckland", country = "NZ" },
            Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {await ApiTokenAsync(context, person)}" },
        }));
        var response = await GoAsync(page, "/help");
        await Expect(page.Locator("li.crisis-first")).ToHaveAttributeAsync("data-country", "NZ");
        return (response,
        [
            ("the 'Open my safety plan' button", page.GetByRole(AriaRole.Link, new() { Name = "Open my safety plan" })),
            ("the first line's Call button", page.Locator("li.crisis-first").GetByRole(AriaRole.Link, new() { Name = "Call Need to talk?" })),
        ]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenSafetyPlanAsync(IBrowserContext context, IPage page)
    {
        var person = await SignUpAndSignInAsync(context);
        await ExpectOkAsync(await context.APIRequest.PutAsync("/api/v1/safety-plan", new()
        {
            DataObject = new
            {
                warningSigns = "I stop answering messages. I lie awake going over the same conversation again and again.",
                copingOnMyOwn = "A hot shower. Soothing rhythm breathing for five minutes. The playlist called 'slow'.",
                peopleAndPlaces = "The library on Queen Street. My neighbour's garden.",
                peopleToAsk = "Jo, my sister. Sam from choir.",
                professionals = "My GP surgery in the day. A crisis line at night.",
                saferSurroundings = "Jo keeps my tablets for now.",
                mattersMost = "My dog Biscuit, and seeing the sea again.",
            },
            Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {await ApiTokenAsync(context, person)}" },
        }));
        var response = await GoAsync(page, "/safety-plan");
        return (response,
        [
            ("the first step", page.Locator("ol.plan > li").First),
            ("the 'Change my plan' link", page.GetByRole(AriaRole.Link, new() { Name = "Change my plan" })),
            ("the Print button", page.GetByRole(AriaRole.Button, new() { Name = "Print" })),
        ]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenHelpAsync(IPage page)
    {
        var response = await GoAsync(page, "/help");
        return (response,
        [
            ("the heading", page.GetByRole(AriaRole.Heading, new() { Level = 1 })),
            ("the lines shown first", page.Locator("li.crisis-first")),
        ]);
    }

    /// <summary>Records PHQ-9 answers (item 1 first) through the bearer API and returns the response's id.</summary>
    protected static async Task<Guid> RecordPhq9Async(IBrowserContext context, string token, params int[] answers)
    {
        var created = await context.APIRequest.PostAsync("/api/v1/instruments/phq9/responses", new()
        {
            DataObject = new { answers = answers.Select((a, i) => (Item: $"{i + 1}", a)).ToDictionary(x => x.Item, x => x.a) },
            Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
        });
        await ExpectOkAsync(created);
        return (await created.JsonAsync())!.Value.GetProperty("id").GetGuid();
    }

    /// <summary>Three PHQ-9s, 18, 13 and 9: a reliable improvement since the first, none since the previous. Returns the last one's id.</summary>
    private static async Task<Guid> RecordPhq9SeriesAsync(IBrowserContext context, string token)
    {
        await RecordPhq9Async(context, token, 3, 3, 2, 2, 2, 2, 2, 2, 0);
        await RecordPhq9Async(context, token, 2, 2, 2, 2, 1, 1, 1, 2, 0);
        return await RecordPhq9Async(context, token, 1, 1, 1, 1, 1, 1, 1, 2, 0);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenQuestionnairesAsync(IBrowserContext context, IPage page)
    {
        var person = await SignUpAndSignInAsync(context);
        var token = await ApiTokenAsync(context, person);
        await RecordPhq9Async(context, token, 2, 2, 1, 2, 1, 1, 1, 1, 0);
        await ExpectOkAsync(await context.APIRequest.PostAsync("/api/v1/instruments/gad7/responses", new()
        {
            DataObject = new { answers = new Dictionary<string, int> { ["1"] = 2, ["2"] = 1 }, status = "draft" },
            Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
        }));
        var response = await GoAsync(page, "/measures");
        return (response,
        [
            ("the first questionnaire", page.Locator(".measure-card h2 a").First),
            ("the 'Carry on where you left off' link", page.GetByRole(AriaRole.Link, new() { Name = "Carry on where you left off with the GAD-7" })),
        ]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenQuestionnaireSupportAsync(IBrowserContext context, IPage page)
    {
        await SignUpAndSignInAsync(context);
        var response = await GoAsync(page, "/measures/phq9");
        var item9 = page.Locator("#item-9");
        if (!await item9.IsVisibleAsync())
        {
            // One question at a time: step through to the ninth.
            for (var i = 1; i < 9; i++)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
            }
        }

        await item9.GetByRole(AriaRole.Radio, new() { Name = "Several days" }).CheckAsync();
        var notice = page.Locator(".support-notice");
        await Expect(notice).ToBeVisibleAsync();
        return (response,
        [
            ("the support notice", notice),
            ("the 'Open my safety plan' link", notice.GetByRole(AriaRole.Link, new() { Name = "Open my safety plan" })),
        ]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenQuestionnaireResultAsync(IBrowserContext context, IPage page)
    {
        var person = await SignUpAndSignInAsync(context);
        var token = await ApiTokenAsync(context, person);
        var id = await RecordPhq9SeriesAsync(context, token);
        var response = await GoAsync(page, $"/measures/phq9/responses/{id}");
        await Expect(page.Locator(".measure-change")).ToHaveCountAsync(2);
        return (response,
        [
            ("the score", page.Locator(".score-figure")),
            ("the 'See your PHQ-9 over time' link", page.GetByRole(AriaRole.Link, new() { Name = "See your PHQ-9 over time" })),
        ]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenQuestionnaireHistoryAsync(IBrowserContext context, IPage page)
    {
        var person = await SignUpAndSignInAsync(context);
        var token = await ApiTokenAsync(context, person);
        await RecordPhq9SeriesAsync(context, token);
        await ExpectOkAsync(await context.APIRequest.PutAsync("/api/v1/instruments/phq9/reminder", new()
        {
            DataObject = new { everyWeeks = 4, time = "18:00" },
            Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
        }));
        var response = await GoAsync(page, "/measures/phq9/history");
        return (response,
        [
            ("the chart", page.Locator("svg.score-chart")),
            ("the table", page.Locator("table.measure-table")),
            ("the 'Change the reminder' button", page.GetByRole(AriaRole.Button, new() { Name = "Change the reminder" })),
        ]);
    }
}
