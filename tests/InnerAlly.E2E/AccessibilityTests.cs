using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using InnerAlly.E2E.Infrastructure;

namespace InnerAlly.E2E;

/// <summary>
/// axe-core finds nothing on any page, in light and in dark. axe runs its default rule set: every
/// WCAG 2.0, 2.1 and 2.2 level A and AA rule (tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa)
/// plus its best-practice rules; only experimental and AAA rules are left out, as axe does by default.
/// </summary>
public sealed class AccessibilityTests(BrowserApp app) : BrowserTest(app)
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static TheoryData<AppPage> Pages => new(Enum.GetValues<AppPage>());

    // Each page is opened once and checked in light, then switched to dark (prefers-color-scheme)
    // and checked again: the same page in both schemes, for half the cost of opening it twice.
    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_has_no_axe_violations_in_light_or_dark(AppPage which)
    {
        var context = await NewContextAsync(new() { ColorScheme = ColorScheme.Light });
        var opened = await OpenAsync(context, which);
        var problems = new StringBuilder();

        foreach (var scheme in (ColorScheme[])[ColorScheme.Light, ColorScheme.Dark])
        {
            await opened.Page.EmulateMediaAsync(new() { ColorScheme = scheme });
            Assert.True(
                await opened.Page.EvaluateAsync<bool>("dark => matchMedia('(prefers-color-scheme: dark)').matches === dark", scheme == ColorScheme.Dark),
                $"the page did not switch to {scheme}");
            var result = await opened.Page.RunAxe();

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
                problems.Append(Report(which, scheme, result.Violations));
            }
        }

        Assert.True(problems.Length == 0, problems.ToString());
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
