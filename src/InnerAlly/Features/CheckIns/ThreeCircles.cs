using System.Text;
using InnerAlly.Features.Charts;
using Microsoft.AspNetCore.Html;

namespace InnerAlly.Features.CheckIns;

/// <summary>
/// CFT's three circles, drawn on the server as SVG: each circle's area grows with its rating,
/// each is named beside its number (never colour alone), and the picture carries a text
/// alternative for screen readers.
/// </summary>
public static class ThreeCircles
{
    // Only the picture's size: the circles sit where Layout puts them, not in a plot with margins.
    private static readonly ChartFrame Frame = new(ChartFrame.PhoneWidth, Height: 305, Left: 0, Right: 0, Top: 0, Bottom: 0);

    private const double MinRadius = 14;
    private const double MaxRadius = 70;

    // Threat is labelled above its circle (Side -1), drive and soothe below theirs (Side +1).
    private static readonly (string Id, string Name, double X, double Y, int Side)[] Layout =
    [
        ("threat", "Threat", 160, 100, -1),
        ("drive", "Drive", 95, 200, 1),
        ("soothe", "Soothe", 225, 200, 1),
    ];

    // Between a circle's edge and its label's baseline: above, the gap to the text's foot; below, room for its height.
    private const double GapAbove = 10;
    private const double GapBelow = 22;

    /// <summary>Where a label's baseline sits: just beyond its own circle's edge, however small the circle.</summary>
    public static double LabelY(string system, int rating)
    {
        var (_, _, _, y, side) = Layout.Single(l => l.Id == system);
        var r = Radius(rating);
        return side < 0 ? y - r - GapAbove : y + r + GapBelow;
    }

    /// <summary>Radius for a 0-10 rating: the area, not the radius, follows the rating.</summary>
    public static double Radius(int rating) => MinRadius + ((MaxRadius - MinRadius) * Math.Sqrt(Math.Clamp(rating, 0, 10) / 10.0));

    public static string Describe(int threat, int drive, int soothe) =>
        $"Threat {threat} out of 10, drive {drive} out of 10, soothe {soothe} out of 10.";

    /// <summary>The large picture for one check-in, or an example (named so by <paramref name="title"/>).</summary>
    public static IHtmlContent Render(int threat, int drive, int soothe, string id, string title = "Your three circles")
    {
        var ratings = new[] { threat, drive, soothe };
        var sb = new StringBuilder();
        Frame.Open(sb, "circles", id, title, Describe(threat, drive, soothe));
        AppendCircles(sb, ratings);
        for (var i = 0; i < Layout.Length; i++)
        {
            var (system, name, x, _, _) = Layout[i];
            sb.Append(CultureInfo.InvariantCulture,
                $"""<text class="circle-label" x="{x}" y="{LabelY(system, ratings[i]):0.#}" text-anchor="middle">{name} <tspan class="circle-value">{ratings[i]}</tspan></text>""");
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>A small picture for lists; the numbers beside it carry the meaning.</summary>
    public static IHtmlContent RenderMini(int threat, int drive, int soothe)
    {
        var sb = new StringBuilder();
        sb.Append("""<svg class="circles-mini" viewBox="20 25 280 250" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">""");
        AppendCircles(sb, [threat, drive, soothe]);
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    private static void AppendCircles(StringBuilder sb, int[] ratings)
    {
        // Largest first, so a small circle is never hidden under a big one.
        foreach (var i in Enumerable.Range(0, 3).OrderByDescending(i => ratings[i]))
        {
            var (system, _, x, y, _) = Layout[i];
            sb.Append(CultureInfo.InvariantCulture,
                $"""<circle class="circle-{system}" cx="{x}" cy="{y}" r="{Radius(ratings[i]):0.#}"/>""");
        }
    }

    /// <summary>
    /// Which gentle reflection fits this balance (a key into the content file's reflections):
    /// "quiet" when all three are low, "balanced" when they are within two points, otherwise the
    /// largest system (ties go to threat, then drive, the systems most worth a kind word).
    /// </summary>
    public static string ReflectionKey(int threat, int drive, int soothe)
    {
        int[] ratings = [threat, drive, soothe];
        if (ratings.All(r => r <= 2))
        {
            return "quiet";
        }

        if (ratings.Max() - ratings.Min() <= 2)
        {
            return "balanced";
        }

        return threat == ratings.Max() ? "threat" : drive == ratings.Max() ? "drive" : "soothe";
    }
}
