using InnerAlly.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace InnerAlly.E2E;

/// <summary>A lesson reads and answers without JavaScript, and prints as the lesson alone.</summary>
public sealed class LessonTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task With_javascript_off_a_person_reads_a_lesson_answers_its_question_and_moves_on()
    {
        var context = await NewContextAsync(new() { JavaScriptEnabled = false });
        await SignUpAndSignInAsync(context);
        var page = await context.NewPageAsync();
        await GoAsync(page, "/learn/not-your-fault");

        await page.GetByRole(AriaRole.Textbox).FillAsync("Some of this was never my choice.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my answer" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Only you can see this");
        await Expect(page.GetByRole(AriaRole.Textbox)).ToHaveValueAsync("Some of this was never my choice.");
        await Expect(page.Locator(".lesson-next")).ToContainTextAsync("Next: The inner critic");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next lesson" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("The inner critic");
    }

    [Fact]
    public async Task A_lesson_prints_without_the_navigation_or_forms()
    {
        var context = await NewContextAsync();
        await SignUpAndSignInAsync(context);
        var page = await context.NewPageAsync();
        await GoAsync(page, "/learn/the-compassionate-self");

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Expect(page.Locator(".lesson-body")).ToBeVisibleAsync();
        await Expect(page.Locator(".lesson-references")).ToBeVisibleAsync();
        await Expect(page.Locator("nav.mainnav")).ToBeHiddenAsync();
        await Expect(page.Locator("main form").First).ToBeHiddenAsync();
        var pdf = await page.PdfAsync();
        Assert.True(pdf.Length > 1000);
    }
}
