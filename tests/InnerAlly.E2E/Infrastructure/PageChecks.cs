using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace InnerAlly.E2E.Infrastructure;

/// <summary>
/// axe-core finds nothing on a page, in light and in dark. axe runs its default rule set: every
/// WCAG 2.0, 2.1 and 2.2 level A and AA rule (tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa)
/// plus its best-practice rules; only experimental and AAA rules are left out, as axe does by default.
/// </summary>
public static class AxeCheck
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>
    /// Checks the open page in light, then switches it to dark (prefers-color-scheme) and checks it
    /// again: the same page in both schemes, for half the cost of opening it twice.
    /// </summary>
    public static async Task<List<string>> ProblemsAsync(IPage page, AppPage which)
    {
        var problems = new List<string>();
        foreach (var scheme in (ColorScheme[])[ColorScheme.Light, ColorScheme.Dark])
        {
            await page.EmulateMediaAsync(new() { ColorScheme = scheme });
            Assert.True(
                await page.EvaluateAsync<bool>("dark => matchMedia('(prefers-color-scheme: dark)').matches === dark", scheme == ColorScheme.Dark),
                $"the page did not switch to {scheme}");
            var result = await page.RunAxe();

            // What axe could not decide (text over SVG shapes, mostly) is written out for a person to look at.
            foreach (var unsure in result.Incomplete)
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"axe could not decide {unsure.Id} ({scheme}) at {string.Join(", ", unsure.Nodes.Select(n => n.Target))}");
            }

            // The run must really have covered WCAG A/AA, or "no violations" would mean nothing.
            var checkedTags = result.Passes.Concat(result.Violations).Concat(result.Incomplete).SelectMany(r => r.Tags).ToHashSet();
            Assert.Superset(WcagTags.Where(t => t is "wcag2a" or "wcag2aa").ToHashSet(), checkedTags);
            if (result.Violations.Length > 0)
            {
                problems.Add(Report(which, scheme, result.Violations));
            }
        }

        return problems;
    }

    private static string Report(AppPage which, ColorScheme scheme, AxeResultItem[] violations)
    {
        var text = new StringBuilder($"axe found {violations.Length} kinds of problem on {which} ({scheme}):\n");
        foreach (var violation in violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes.Take(5))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    at {node.Target}: {node.Html}");
                foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"      {check.Message}");
                }
            }
        }

        return text.ToString();
    }
}

/// <summary>
/// The Content-Security-Policy (scripts and styles from our own files only, nothing inline) is sent
/// and nothing on any page of a context breaks it, and no script throws. Violations are caught both
/// ways Chromium reports them: the console message and the document's securitypolicyviolation event.
/// </summary>
public sealed class CspWatch
{
    // Playwright adds this before any page script runs, through the DevTools protocol, which the
    // page's CSP does not govern; it only listens.
    private const string ViolationListener = """
        document.addEventListener("securitypolicyviolation", e =>
          window.__reportCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || "inline code"} at ${e.sourceFile || location.href}:${e.lineNumber}`));
        """;

    private readonly List<string> _violations = [];
    private readonly List<string> _scriptErrors = [];

    private CspWatch()
    {
    }

    /// <summary>Listens on every page <paramref name="context"/> opens from now on.</summary>
    public static async Task<CspWatch> StartAsync(IBrowserContext context)
    {
        var watch = new CspWatch();
        await context.ExposeFunctionAsync("__reportCspViolation", (string violation) => watch.Add(watch._violations, violation));
        await context.AddInitScriptAsync(ViolationListener);
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                watch.Add(watch._violations, $"console {message.Type}: {message.Text}");
            }
        };
        context.WebError += (_, error) => watch.Add(watch._scriptErrors, error.Error);
        return watch;
    }

    /// <summary>The policy the page was served with, then everything seen so far.</summary>
    public async Task<List<string>> ProblemsAsync(IResponse firstResponse, AppPage which)
    {
        var problems = new List<string>();
        var policy = await firstResponse.HeaderValueAsync("content-security-policy");
        if (policy is null)
        {
            problems.Add($"{which} was served without a Content-Security-Policy header.");
        }
        else
        {
            foreach (var required in (string[])["script-src 'self'", "style-src 'self'"])
            {
                if (!policy.Contains(required, StringComparison.Ordinal))
                {
                    problems.Add($"The Content-Security-Policy of {which} lacks {required}: {policy}");
                }
            }

            if (policy.Contains("unsafe-", StringComparison.Ordinal))
            {
                problems.Add($"The Content-Security-Policy of {which} allows something unsafe: {policy}");
            }
        }

        lock (_violations)
        {
            if (_violations.Count > 0)
            {
                problems.Add($"CSP violations on {which}:\n{string.Join('\n', _violations)}");
            }

            if (_scriptErrors.Count > 0)
            {
                problems.Add($"Script errors on {which}:\n{string.Join('\n', _scriptErrors)}");
            }
        }

        return problems;
    }

    private void Add(List<string> list, string entry)
    {
        lock (_violations)
        {
            list.Add(entry);
        }
    }
}

/// <summary>
/// On a 320 px wide phone nothing scrolls sideways and the main actions are fully on screen. Each
/// page is also saved as a full-page screenshot (see the test output for where) for a person to look at.
/// </summary>
public static class NarrowScreenCheck
{
    public const int Width = 320;

    public static readonly ViewportSize Viewport = new() { Width = Width, Height = 640 };

    public static string ScreenshotFolder => Path.Combine(Path.GetTempPath(), "innerally-e2e-screenshots");

    public static async Task<List<string>> ProblemsAsync(IPage page, IEnumerable<(string Name, ILocator Locator)> mainActions, AppPage which)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var screenshot = Path.Combine(ScreenshotFolder, $"{which}-{Width}.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {screenshot}");

        var problems = new List<string>();
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > Width)
        {
            problems.Add($"{which} is {scrollWidth} px wide at a {Width} px viewport, so it scrolls sideways. Screenshot: {screenshot}");
        }

        // No scrolling into view first: that would also scroll a sideways scroller and hide the problem.
        var sections = await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link).AllAsync();
        if (sections.Count == 0)
        {
            problems.Add($"On {which}, the main navigation has no links at {Width} px. Screenshot: {screenshot}");
        }

        foreach (var (name, action) in mainActions.Concat(sections.Select((link, i) => ($"main section link {i + 1}", link))))
        {
            if (!await action.IsVisibleAsync())
            {
                problems.Add($"On {which}, {name} is not visible at {Width} px. Screenshot: {screenshot}");
                continue;
            }

            var box = await action.BoundingBoxAsync();
            if (box is null)
            {
                problems.Add($"On {which}, {name} has no box at {Width} px. Screenshot: {screenshot}");
            }
            else if (box.X < 0 || box.X + box.Width > Width + 0.5)
            {
                problems.Add($"On {which}, {name} ({(await action.TextContentAsync())?.Trim()}) runs off the side of the screen: " +
                    $"x {box.X:0.#} to {box.X + box.Width:0.#} in {Width} px. Screenshot: {screenshot}");
            }
        }

        return problems;
    }
}
