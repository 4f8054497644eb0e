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

    public static TheoryData<AppPage, ColorScheme> PagesInBothSchemes
    {
        get
        {
            var data = new TheoryData<AppPage, ColorScheme>();
            foreach (var page in Enum.GetValues<AppPage>())
            {
                data.Add(page, ColorScheme.Light);
                data.Add(page, ColorScheme.Dark);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PagesInBothSchemes))]
    public async Task Page_has_no_axe_violations(AppPage which, ColorScheme scheme)
    {
        var context = await NewContextAsync(new() { ColorScheme = scheme });
        var opened = await OpenAsync(context, which);

        var result = await opened.Page.RunAxe();

        // What axe could not decide (text over SVG shapes, mostly) is written out for a person to look at.
        foreach (var unsure in result.Incomplete)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"axe could not decide {unsure.Id} at {string.Join(", ", unsure.Nodes.Select(n => n.Target))}");
        }

        // The run must really have covered WCAG A/AA, or "no violations" would mean nothing.
        var checkedTags = result.Passes.Concat(result.Violations).Concat(result.Incomplete).SelectMany(r => r.Tags).ToHashSet();
        Assert.Superset(WcagTags.Where(t => t is "wcag2a" or "wcag2aa").ToHashSet(), checkedTags);
        Assert.True(result.Violations.Length == 0, Report(which, scheme, result.Violations));
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
