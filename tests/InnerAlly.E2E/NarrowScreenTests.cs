using InnerAlly.E2E.Infrastructure;

namespace InnerAlly.E2E;

/// <summary>
/// On a 320 px wide phone nothing scrolls sideways and the main actions are fully on screen. Each
/// page is also saved as a full-page screenshot (see the test output for where) for a person to look at.
/// </summary>
public sealed class NarrowScreenTests(BrowserApp app) : BrowserTest(app)
{
    private const int Width = 320;

    public static string ScreenshotFolder => Path.Combine(Path.GetTempPath(), "innerally-e2e-screenshots");

    [Theory]
    [MemberData(nameof(AllPages))]
    public async Task Page_fits_320_px_without_sideways_scrolling_and_shows_its_main_actions(AppPage which)
    {
        var context = await NewContextAsync(new() { ViewportSize = new() { Width = Width, Height = 640 } });
        var opened = await OpenAsync(context, which);
        var page = opened.Page;

        Directory.CreateDirectory(ScreenshotFolder);
        var screenshot = Path.Combine(ScreenshotFolder, $"{which}-{Width}.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {screenshot}");

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= Width, $"{which} is {scrollWidth} px wide at a {Width} px viewport, so it scrolls sideways. Screenshot: {screenshot}");

        // No scrolling into view first: that would also scroll a sideways scroller and hide the problem.
        var sections = await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link).AllAsync();
        Assert.NotEmpty(sections);
        var checks = opened.MainActions.Concat(sections.Select((link, i) => ($"main section link {i + 1}", link)));
        foreach (var (name, action) in checks)
        {
            Assert.True(await action.IsVisibleAsync(), $"On {which}, {name} is not visible at {Width} px. Screenshot: {screenshot}");
            var box = await action.BoundingBoxAsync();
            Assert.NotNull(box);
            if (box.X < 0 || box.X + box.Width > Width + 0.5)
            {
                Assert.Fail($"On {which}, {name} ({(await action.TextContentAsync())?.Trim()}) runs off the side of the screen: " +
                    $"x {box.X:0.#} to {box.X + box.Width:0.#} in {Width} px. Screenshot: {screenshot}");
            }
        }
    }
}
