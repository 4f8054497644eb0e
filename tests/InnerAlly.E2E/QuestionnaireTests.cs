using System.Text.RegularExpressions;
using InnerAlly.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace InnerAlly.E2E;

/// <summary>Taking a questionnaire in the browser: all on one page on a wide screen, one at a time on a phone, a draft kept halfway, and without JavaScript.</summary>
public sealed partial class QuestionnaireTests(BrowserApp app) : BrowserTest(app)
{
    private static readonly string[] Phq9Answers = ["Several days", "More than half the days", "Not at all", "Nearly every day", "Several days", "Several days", "Not at all", "More than half the days", "Not at all"];

    private static ILocator Item(IPage page, int number) => page.Locator($"#item-{number}");

    private static Task Answer(IPage page, int number) =>
        Item(page, number).GetByRole(AriaRole.Radio, new() { Name = Phq9Answers[number - 1], Exact = true }).CheckAsync();

    [Fact]
    public async Task On_a_wide_screen_a_person_answers_half_stops_comes_back_to_their_draft_and_sees_their_scores()
    {
        var context = await NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await SignUpAndSignInAsync(context);
        var page = await context.NewPageAsync();
        await GoAsync(page, "/measures");
        await page.GetByRole(AriaRole.Link, new() { Name = "Take the PHQ-9" }).ClickAsync();
        await WaitForPageAsync(page, TakeUrl());

        // Every question on one page, with the progress shown.
        for (var i = 1; i <= 9; i++)
        {
            await Expect(Item(page, i)).ToBeVisibleAsync();
        }

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next" })).ToBeHiddenAsync();
        for (var i = 1; i <= 4; i++)
        {
            var saved = page.WaitForResponseAsync(r => r.Url.Contains("handler=Autosave", StringComparison.Ordinal));
            await Answer(page, i);
            Assert.Equal(204, (await saved).Status);
        }

        await Expect(page.Locator("[data-progress]")).ToHaveTextAsync("4 of 9 answered.");

        // They stop here and come back later: the draft is waiting.
        await GoAsync(page, "/measures");
        await page.GetByRole(AriaRole.Link, new() { Name = "Carry on where you left off with the PHQ-9" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Welcome back");
        await Expect(Item(page, 4).GetByRole(AriaRole.Radio, new() { Name = "Nearly every day" })).ToBeCheckedAsync();
        for (var i = 5; i <= 9; i++)
        {
            await Answer(page, i);
        }

        await Expect(page.Locator(".support-notice")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and see my scores" }).ClickAsync();

        // 1 + 2 + 0 + 3 + 1 + 1 + 0 + 2 + 0 = 10
        await WaitForPageAsync(page, ResultUrl());
        await Expect(page.Locator(".score-figure strong")).ToHaveTextAsync("10");
        await Expect(page.Locator(".measure-score")).ToContainTextAsync("Moderate");
        await Expect(page.Locator("main")).ToContainTextAsync("a clinician reads them together with you");
        await Expect(page.Locator("main")).ToContainTextAsync("Pfizer");
        await SaveScreenshotAsync(page, "QuestionnaireResult-1280");

        await page.GetByRole(AriaRole.Link, new() { Name = "See your PHQ-9 over time" }).ClickAsync();
        await Expect(page.Locator("svg.score-chart circle.score-dot")).ToHaveCountAsync(1);
        await Expect(page.Locator("table.measure-table tbody tr")).ToHaveCountAsync(1);
        await SaveScreenshotAsync(page, "QuestionnaireHistory-1280");
    }

    [Fact]
    public async Task On_a_phone_one_question_shows_at_a_time_with_progress_and_the_support_notice_comes_at_once()
    {
        var context = await NewContextAsync(new() { ViewportSize = new() { Width = 320, Height = 640 } });
        await SignUpAndSignInAsync(context);
        var page = await context.NewPageAsync();
        await GoAsync(page, "/measures/phq9");

        await Expect(Item(page, 1)).ToBeVisibleAsync();
        await Expect(Item(page, 2)).ToBeHiddenAsync();
        await Expect(page.Locator("[data-progress]")).ToHaveTextAsync("Question 1 of 9. 0 of 9 answered.");
        for (var i = 1; i <= 8; i++)
        {
            await Answer(page, i);
            await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
            await Expect(Item(page, i + 1)).ToBeFocusedAsync();
        }

        await Expect(page.Locator("[data-progress]")).ToHaveTextAsync("Question 9 of 9. 8 of 9 answered.");
        await Item(page, 9).GetByRole(AriaRole.Radio, new() { Name = "More than half the days" }).CheckAsync();
        // The difficulty question is not one of the nine: it says so rather than counting as a tenth.
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(page.Locator("[data-progress]")).ToHaveTextAsync("One more question, not part of the score. 9 of 9 answered.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
        await Expect(page.Locator(".support-notice")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
        await Expect(Item(page, 8)).ToBeVisibleAsync();
        await Expect(Item(page, 9)).ToBeHiddenAsync();

        // Saved exactly as given; the result page carries the notice again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and see my scores" }).ClickAsync();
        await WaitForPageAsync(page, ResultUrl());
        await Expect(page.Locator(".support-notice")).ToBeVisibleAsync();
        await page.GetByText("Your answers").ClickAsync();
        await Expect(page.Locator(".measure-answers li").Nth(8)).ToContainTextAsync("More than half the days");

        // Issue 15: the history chart's labels were too small to read on a phone. The chart scales with
        // its box, so what counts is the size drawn on the screen: its font size times the chart's scale.
        await page.GetByRole(AriaRole.Link, new() { Name = "See your PHQ-9 over time" }).ClickAsync();
        await Expect(page.Locator("svg.score-chart circle.score-dot")).ToHaveCountAsync(1);
        var smallest = await page.Locator("svg.score-chart").EvaluateAsync<double>("""
            svg => {
              const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
              return Math.min(...[...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale));
            }
            """);
        Assert.True(smallest >= 12, $"the smallest label on the chart is drawn at {smallest:0.0} px at 320 px wide");
    }

    [Fact]
    public async Task With_javascript_off_the_whole_questionnaire_is_one_form_that_saves_drafts_and_scores()
    {
        var context = await NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 320, Height = 640 } });
        await SignUpAndSignInAsync(context);
        var page = await context.NewPageAsync();
        await GoAsync(page, "/measures/phq9");

        await Expect(Item(page, 9)).ToBeVisibleAsync();
        await Answer(page, 1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and see my scores" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("8 questions still need an answer");
        await Expect(Item(page, 2).Locator(".field-error")).ToContainTextAsync("has no answer yet");
        await Expect(Item(page, 1).GetByRole(AriaRole.Radio, new() { Name = Phq9Answers[0] })).ToBeCheckedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Save and finish later" }).ClickAsync();
        await WaitForPageAsync(page, ListUrl());
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("so far are kept");

        await GoAsync(page, "/measures/phq9");
        for (var i = 2; i <= 9; i++)
        {
            await Answer(page, i);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save and see my scores" }).ClickAsync();
        await WaitForPageAsync(page, ResultUrl());
        await Expect(page.Locator(".score-figure strong")).ToHaveTextAsync("10");
    }

    [GeneratedRegex("/measures/phq9$")]
    private static partial Regex TakeUrl();

    [GeneratedRegex("/measures$")]
    private static partial Regex ListUrl();

    [GeneratedRegex("/measures/phq9/responses/[0-9a-f-]{36}$")]
    private static partial Regex ResultUrl();
}
