using System.Globalization;
using System.Text;

namespace InnerAlly.E2E.Infrastructure;

/// <summary>
/// What a first load of a page transferred, response by response (see <see cref="PageWeightTests"/>
/// for what is counted and what is not).
/// </summary>
public sealed record PageWeight(IReadOnlyList<PageWeight.Row> Rows, IReadOnlyList<string> Failed)
{
    /// <summary>A kilobyte is taken as 1,000 bytes, the stricter reading of the budgets.</summary>
    public const long TotalBudget = 100_000;

    public const long ScriptBudget = 30_000;

    public sealed record Row(string Url, string Type, long Headers, long Body, long Decoded, string Encoding);

    public long Total => Rows.Sum(r => r.Headers + r.Body);

    public long Script => Rows.Where(r => r.Type == "script").Sum(r => r.Headers + r.Body);

    /// <summary>Runs <paramref name="open"/> in <paramref name="page"/> (a fresh context's first tab) and measures every response it received.</summary>
    public static async Task<PageWeight> MeasureFirstLoadAsync(IPage page, Func<Task> open)
    {
        // Playwright raises these events on its own thread, and a page may go on requesting (the
        // favicon or a late script after the load event), so the lists are guarded and the handlers are
        // taken off before the lists are read.
        var gate = new Lock();
        var finished = new List<IRequest>();
        var failed = new List<string>();
        void OnFinished(object? sender, IRequest request)
        {
            lock (gate)
            {
                finished.Add(request);
            }
        }

        void OnFailed(object? sender, IRequest request)
        {
            lock (gate)
            {
                failed.Add($"{request.Url}: {request.Failure}");
            }
        }

        page.RequestFinished += OnFinished;
        page.RequestFailed += OnFailed;
        try
        {
            await open();
        }
        finally
        {
            page.RequestFinished -= OnFinished;
            page.RequestFailed -= OnFailed;
        }

        IRequest[] seen;
        string[] failures;
        lock (gate)
        {
            seen = [.. finished];
            failures = [.. failed];
        }

        var rows = new List<Row>();
        foreach (var request in seen)
        {
            var sizes = await request.SizesAsync();
            var response = await request.ResponseAsync();
            var decoded = response is null ? 0 : (await response.BodyAsync()).Length;
            var encoding = response is null ? "" : await response.HeaderValueAsync("content-encoding") ?? "";
            rows.Add(new(request.Url, request.ResourceType, sizes.ResponseHeadersSize, sizes.ResponseBodySize, decoded, encoding));
        }

        return new(rows, failures);
    }

    /// <summary>Checks the budgets, after checking something real was measured (a budget of nothing would always pass).</summary>
    public void AssertWithinBudgets()
    {
        var report = Report();
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Assert.Empty(Failed);
        Assert.Contains(Rows, r => r.Type == "document" && r.Body > 0);
        Assert.Contains(Rows, r => r.Type == "stylesheet" && r.Body > 0);
        Assert.Contains(Rows, r => r.Type == "script" && r.Body > 0);
        Assert.True(Total <= TotalBudget, $"The first load transferred {Total:N0} bytes; the budget is {TotalBudget:N0}.\n{report}");
        Assert.True(Script <= ScriptBudget, $"The first load transferred {Script:N0} bytes of JavaScript; the budget is {ScriptBudget:N0}.\n{report}");
    }

    public string Report()
    {
        var text = new StringBuilder("type        headers     body  decoded  encoding  url\n");
        foreach (var r in Rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{r.Type,-10} {r.Headers,8} {r.Body,8} {r.Decoded,8}  {r.Encoding,-8}  {r.Url}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"total over the wire {Total:N0} bytes, of which JavaScript {Script:N0}");
        return text.ToString();
    }
}
