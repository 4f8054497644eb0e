namespace InnerAlly.E2E.Infrastructure;

/// <summary>Opening each page of <see cref="AppPage"/> in the state a person would see it; each feature's pages are opened in its own file beside this one.</summary>
public abstract partial class BrowserTest
{
    /// <summary>Every page; INNERALLY_E2E_PAGES=Caseload,CareTeam narrows a local run to those while working on them (CI never sets it).</summary>
    public static TheoryData<AppPage> AllPages =>
        [.. Enum.GetValues<AppPage>().Where(p => Environment.GetEnvironmentVariable("INNERALLY_E2E_PAGES") is not { Length: > 0 } only
            || only.Split(',', StringSplitOptions.TrimEntries).Contains(p.ToString(), StringComparer.Ordinal))];

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
            AppPage.CareTeamJoin => await OpenCareTeamJoinAsync(context, page),
            AppPage.CareTeam => await OpenCareTeamAsync(context, page),
            AppPage.CareTeamPreview => await OpenCareTeamPreviewAsync(context, page),
            AppPage.Caseload => await OpenCaseloadAsync(context, page),
            AppPage.CaseloadClient => await OpenCaseloadClientAsync(context, page),
            AppPage.CaseloadEntry => await OpenCaseloadEntryAsync(context, page),
            AppPage.ClinicStaff => await OpenClinicStaffAsync(context, page),
            AppPage.MessageThread => await OpenMessageThreadAsync(context, page),
            AppPage.WriteSessionNote => await OpenWriteSessionNoteAsync(context, page),
            AppPage.SessionNote => await OpenSessionNoteAsync(context, page),
            _ when which >= AppPage.Write => await OpenWritingPageAsync(context, page, which),
            _ => throw new ArgumentOutOfRangeException(nameof(which), which, null),
        };

        // "Need help now?" is on every page, always one click away.
        actions.Add(("the 'Need help now?' link", page.GetByRole(AriaRole.Link, new() { Name = "Need help now?" })));
        return new(page, response, actions);
    }

    protected static ILocator SubmitButton(ILocator form) => form.Locator("button[type=submit], input[type=submit]").First;

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenSignedInAsync(
        IBrowserContext context, IPage page, string path, params (string, ILocator)[] actions)
    {
        await SignUpAndSignInAsync(context);
        var response = await GoAsync(page, path);
        return (response, [.. actions]);
    }
}
