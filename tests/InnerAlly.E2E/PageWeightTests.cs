using System.Globalization;
using System.Text;
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
    private const long TotalBudget = 100_000;
    private const long ScriptBudget = 30_000;

    [Fact]
    public async Task First_load_of_the_check_in_page_is_at_most_100_KB_with_at_most_30_KB_of_javascript()
    {
        var context = await NewContextAsync();
        await SignUpAndSignInAsync(context);
        var page = await context.NewPageAsync();
        var finished = new List<IRequest>();
        var failed = new List<string>();
        page.RequestFinished += (_, request) => finished.Add(request);
        page.RequestFailed += (_, request) => failed.Add($"{request.Url}: {request.Failure}");

        await GoAsync(page, "/check-ins/new", new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Empty(failed);
        var rows = new List<(string Url, string Type, long Headers, long Body, long Decoded, string Encoding)>();
        foreach (var request in finished)
        {
            var sizes = await request.SizesAsync();
            var response = await request.ResponseAsync();
            var decoded = response is null ? 0 : (await response.BodyAsync()).Length;
            var encoding = response is null ? "" : await response.HeaderValueAsync("content-encoding") ?? "";
            rows.Add((request.Url, request.ResourceType, sizes.ResponseHeadersSize, sizes.ResponseBodySize, decoded, encoding));
        }

        var total = rows.Sum(r => r.Headers + r.Body);
        var script = rows.Where(r => r.Type == "script").Sum(r => r.Headers + r.Body);
        var report = Report(rows, total, script);
        TestContext.Current.TestOutputHelper?.WriteLine(report);

        // Something must have been measured, or a budget of nothing would always pass.
        Assert.Contains(rows, r => r.Type == "document" && r.Body > 0);
        Assert.Contains(rows, r => r.Type == "stylesheet" && r.Body > 0);
        Assert.Contains(rows, r => r.Type == "script" && r.Body > 0);
        Assert.True(total <= TotalBudget, $"The first load transferred {total:N0} bytes; the budget is {TotalBudget:N0}.\n{report}");
        Assert.True(script <= ScriptBudget, $"The first load transferred {script:N0} bytes of JavaScript; the budget is {ScriptBudget:N0}.\n{report}");
    }

    private static string Report(List<(string Url, string Type, long Headers, long Body, long Decoded, string Encoding)> rows, long total, long script)
    {
        var text = new StringBuilder("type        headers     body  decoded  encoding  url\n");
        foreach (var r in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{r.Type,-10} {r.Headers,8} {r.Body,8} {r.Decoded,8}  {r.Encoding,-8}  {r.Url}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"total over the wire {total:N0} bytes, of which JavaScript {script:N0}");
        return text.ToString();
    }
}
