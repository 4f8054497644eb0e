using InnerAlly.E2E.Infrastructure;

namespace InnerAlly.E2E;

/// <summary>
/// The check-in page is light enough for a slow phone connection at night. What is counted: every
/// response the browser received while opening the page for the first time in a fresh context (empty
/// cache, no service worker): the document, its stylesheet, scripts, images and icons. For each, the
/// bytes Chromium's network stack read for the response headers plus the bytes read for the body as
/// sent (compressed where the server compressed it), from Playwright's Request.Sizes. Not counted:
/// the request bytes the browser sent, TCP/HTTP framing, and the sign-in calls made beforehand through
/// the API request context (they are not part of the page). A kilobyte is taken as 1,000 bytes, the
/// stricter reading of the budget. The test host runs in Development, where static files are sent
/// gzip-wrapped but not compressed and every response carries a renewed session cookie, so this is
/// an upper bound for a published build.
/// </summary>
public sealed class PageWeightTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task First_load_of_the_check_in_page_is_at_most_100_KB_with_at_most_30_KB_of_javascript()
    {
        var context = await NewContextAsync();
        await SignUpAndSignInAsync(context);
        var page = await context.NewPageAsync();

        var weight = await PageWeight.MeasureFirstLoadAsync(page, () => GoAsync(page, "/check-ins/new", new() { WaitUntil = WaitUntilState.NetworkIdle }));

        weight.AssertWithinBudgets();
    }
}
