using static Microsoft.Playwright.Assertions;

namespace InnerAlly.E2E.Infrastructure;

/// <summary>The check-in pages and home, each opened with the check-ins a person would have.</summary>
public abstract partial class BrowserTest
{
    protected static ILocator SaveButton(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Save check-in" });

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
}
