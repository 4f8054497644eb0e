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
    /// Checks the open page in each of <paramref name="schemes"/> (prefers-color-scheme), switching
    /// the same page rather than opening it again.
    /// </summary>
    public static async Task<List<string>> ProblemsAsync(IPage page, AppPage which, params ColorScheme[] schemes)
    {
        var problems = new List<string>();
        foreach (var scheme in schemes)
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
                problems.Add(Report(which, scheme, page.ViewportSize?.Width, result.Violations));
            }
        }

        return problems;
    }

    private static string Report(AppPage which, ColorScheme scheme, int? width, AxeResultItem[] violations)
    {
        var text = new StringBuilder($"axe found {violations.Length} kinds of problem on {which} ({scheme}, {width} px):\n");
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
/// How a page sits on a screen, checked on a phone (320 and 390 px) and a desktop (1280 px): nothing
/// scrolls sideways; the main actions are fully on screen; "Need help now?" is in sight without
/// scrolling, and still after scrolling to the end; the bar holds at most five places within 80 px
/// on a phone; and every target is at least 44 x 44 px (WCAG 2.5.5). Links and link-like buttons
/// inside a sentence or block of text (shown inline) are the rule's own exception; every other link,
/// button, control, summary and the label around a radio or checkbox is measured. Each page is saved as a full-page
/// screenshot (see the test output for where) for a person to look at.
/// </summary>
public static class NarrowScreenCheck
{
    public const int Width = 320;

    public static readonly ViewportSize Viewport = new() { Width = Width, Height = 640 };

    /// <summary>A common phone: the same tab is resized to it after the 320 px checks, so the page is not loaded again.</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    public const int BarMostPlaces = 5;

    public const double BarMostHeight = 80;

    public const double TargetLeast = 44;

    public static string ScreenshotFolder => Path.Combine(Path.GetTempPath(), "innerally-e2e-screenshots");

    // Every target too small, as "text (width x height)"; inline links in text are left out (WCAG 2.5.5's inline exception).
    private const string SmallTargets = """
        least => {
          const small = [];
          const seen = new Set();
          for (const el of document.querySelectorAll("a[href], button, summary, input:not([type=hidden]), select, textarea")) {
            let target = el;
            if (el.matches("input[type=radio], input[type=checkbox]")) {
              target = el.closest("label") ?? (el.id ? document.querySelector(`label[for="${el.id}"]`) : null) ?? el;
            }
            if (seen.has(target)) continue;
            seen.add(target);
            if (target.closest(".visually-hidden, .skip-link")) continue;
            // A closed <details> keeps its content laid out but not shown (content-visibility), so it is measured only when open.
            if (target.closest("details:not([open]) > :not(summary)")) continue;
            const style = getComputedStyle(target);
            if (style.visibility === "hidden" || style.display === "none") continue;
            if (target.matches("a, button") && style.display === "inline") continue;
            const box = target.getBoundingClientRect();
            if (box.width === 0 && box.height === 0) continue;
            if (box.width < least - 0.5 || box.height < least - 0.5) {
              const name = (target.innerText || target.getAttribute("aria-label") || target.name || target.tagName).trim().replace(/\s+/g, " ").slice(0, 40);
              small.push(`${target.tagName.toLowerCase()} "${name}" (${box.width.toFixed(0)} x ${box.height.toFixed(0)})`);
            }
          }
          return small;
        }
        """;

    /// <summary>Checks the open page at its current width; <paramref name="phone"/> adds the bottom bar's checks.</summary>
    public static async Task<List<string>> ProblemsAsync(IPage page, IEnumerable<(string Name, ILocator Locator)> mainActions, AppPage which, bool phone = true)
    {
        var viewport = page.ViewportSize!;
        var width = viewport.Width;
        Directory.CreateDirectory(ScreenshotFolder);
        var screenshot = Path.Combine(ScreenshotFolder, $"{which}-{width}.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {screenshot}");

        var problems = new List<string>();
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > width)
        {
            problems.Add($"{which} is {scrollWidth} px wide at a {width} px viewport, so it scrolls sideways. Screenshot: {screenshot}");
        }

        // No scrolling into view first: that would also scroll a sideways scroller and hide the problem.
        var bar = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        var places = await bar.Locator(":scope > ul > li > a, :scope > ul > li > details > summary").AllAsync();
        if (places.Count == 0 || places.Count > BarMostPlaces)
        {
            problems.Add($"On {which}, the main bar has {places.Count} places at {width} px (1 to {BarMostPlaces}). Screenshot: {screenshot}");
        }

        if (phone && await bar.BoundingBoxAsync() is { } barBox && barBox.Height > BarMostHeight)
        {
            problems.Add($"On {which}, the main bar is {barBox.Height:0} px tall at {width} px (at most {BarMostHeight}). Screenshot: {screenshot}");
        }

        var help = page.Locator("header.topbar").GetByRole(AriaRole.Link, new() { Name = "Need help now?" });
        foreach (var (name, action) in mainActions.Concat(places.Select((place, i) => ($"main bar place {i + 1}", place))))
        {
            if (!await action.IsVisibleAsync())
            {
                problems.Add($"On {which}, {name} is not visible at {width} px. Screenshot: {screenshot}");
                continue;
            }

            var box = await action.BoundingBoxAsync();
            if (box is null)
            {
                problems.Add($"On {which}, {name} has no box at {width} px. Screenshot: {screenshot}");
            }
            else if (box.X < 0 || box.X + box.Width > width + 0.5)
            {
                problems.Add($"On {which}, {name} ({(await action.TextContentAsync())?.Trim()}) runs off the side of the screen: " +
                    $"x {box.X:0.#} to {box.X + box.Width:0.#} in {width} px. Screenshot: {screenshot}");
            }
        }

        // "Need help now?" is in sight as the page opens, and again once scrolled to the very end.
        foreach (var moment in (string[])["as the page opens", "scrolled to the end"])
        {
            if (moment == "scrolled to the end")
            {
                await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
            }

            var box = await help.IsVisibleAsync() ? await help.BoundingBoxAsync() : null;
            if (box is null || box.Y < 0 || box.Y + box.Height > viewport.Height || box.X < 0 || box.X + box.Width > width + 0.5)
            {
                problems.Add($"On {which}, 'Need help now?' is not in sight {moment} at {width} px" +
                    (box is null ? "." : $" (x {box.X:0}, y {box.Y:0} in {width} x {viewport.Height}).") + $" Screenshot: {screenshot}");
            }
        }

        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var small = await page.EvaluateAsync<string[]>(SmallTargets, TargetLeast);
        if (small.Length > 0)
        {
            problems.Add($"On {which} at {width} px, targets smaller than {TargetLeast} x {TargetLeast} px: {string.Join("; ", small)}. Screenshot: {screenshot}");
        }

        return problems;
    }
}
