using static Microsoft.Playwright.Assertions;

namespace InnerAlly.E2E.Infrastructure;

/// <summary>The questionnaire pages, each opened with the scores and drafts a person would have.</summary>
public abstract partial class BrowserTest
{
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
