using System.Text.RegularExpressions;
using InnerAlly.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace InnerAlly.E2E;

/// <summary>Every page is rendered on the server, so a check-in works with JavaScript turned off.</summary>
public sealed partial class WithoutJavaScriptTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task With_javascript_off_a_person_records_a_check_in_and_sees_the_circles_and_the_trend()
    {
        var context = await NewContextAsync(new() { JavaScriptEnabled = false });
        await SignUpAndSignInAsync(context);
        var page = await context.NewPageAsync();
        await GoAsync(page, "/check-ins/new");

        await page.Locator("fieldset.system-threat").GetByRole(AriaRole.Radio, new() { Name = "4", Exact = true }).CheckAsync();
        await page.Locator("fieldset.system-drive").GetByRole(AriaRole.Radio, new() { Name = "6", Exact = true }).CheckAsync();
        await page.Locator("fieldset.system-soothe").GetByRole(AriaRole.Radio, new() { Name = "8", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Content" }).CheckAsync();
        await page.GetByLabel("A note for yourself").FillAsync("Written with scripts turned off.");
        await SaveButton(page).ClickAsync();

        await WaitForPageAsync(page, DetailUrl());
        await Expect(page.Locator("svg.circles")).ToBeVisibleAsync();
        await Expect(page.Locator("svg.circles circle")).ToHaveCountAsync(3);
        await Expect(page.Locator(".circles-summary")).ToContainTextAsync("Threat 4 of 10");
        await Expect(page.Locator(".circles-summary")).ToContainTextAsync("Drive 6 of 10");
        await Expect(page.Locator(".circles-summary")).ToContainTextAsync("Soothe 8 of 10");

        await page.GetByRole(AriaRole.Link, new() { Name = "See how things have moved" }).ClickAsync();
        await WaitForPageAsync(page, HistoryUrl());
        var chart = page.Locator("svg.trend");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart.Locator("path.line-threat")).ToHaveCountAsync(1);
        await Expect(chart.Locator("title")).ToHaveTextAsync("Your three systems over the last 30 days");

        // The chart's text alternative: a table behind a native disclosure, which needs no script.
        var table = page.GetByRole(AriaRole.Table);
        await Expect(table).ToBeHiddenAsync();
        await page.GetByText("Show these days as a table").ClickAsync();
        await Expect(table).ToBeVisibleAsync();
        var row = table.Locator("tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td")).ToHaveTextAsync(["4", "6", "8", "1"]);
    }

    [GeneratedRegex("/check-ins/[0-9a-f-]{36}$")]
    private static partial Regex DetailUrl();

    [GeneratedRegex("/check-ins$")]
    private static partial Regex HistoryUrl();
}
