using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace InnerAlly.E2E.Infrastructure;

/// <summary>The practice pages: the player running, the history with sessions, the weekly rhythm.</summary>
public abstract partial class BrowserTest
{
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
}
