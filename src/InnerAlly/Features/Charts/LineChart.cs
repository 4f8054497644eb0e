using System.Text;
using Microsoft.AspNetCore.Html;

namespace InnerAlly.Features.Charts;

/// <summary>
/// A server-drawn SVG line chart of 0-10 values, one point a day. Lines differ by colour, dash and
/// marker shape (styled by their id in check-ins.css: <c>line-{id}</c>, <c>dot-{id}</c>), so colour is
/// never the only difference; days without a value leave a gap rather than an invented line. Pages
/// pair it with a table of the same numbers.
/// </summary>
public static class LineChart
{
    private static readonly ChartFrame Frame = new(ChartFrame.PhoneWidth, Height: 190, Left: 30, Right: 10, Top: 12, Bottom: 30);

    public enum Marker
    {
        Circle,
        Square,
        Diamond,
        Triangle,
    }

    /// <param name="Id">Names its line's and markers' style: line-{Id}, dot-{Id}.</param>
    /// <param name="Values">One per day, null where there is nothing to show.</param>
    public sealed record Series(string Id, IReadOnlyList<double?> Values, Marker Shape);

    public static IHtmlContent Render(string id, string title, string description, IReadOnlyList<DateOnly> days, IReadOnlyList<Series> lines)
    {
        var sb = new StringBuilder();
        var count = days.Count;
        double X(int i) => Frame.X(i, count);
        double Y(double value) => Frame.Top + ((10 - value) * (Frame.Height - Frame.Top - Frame.Bottom) / 10);

        Frame.Open(sb, "trend", id, title, description);
        Frame.AppendLevels(sb, [0, 5, 10], Y);
        Frame.AppendDays(sb, days, Frame.Height - 8);
        sb.Append("</g>");

        var showEveryMarker = count <= 30;
        foreach (var (line, values, shape) in lines)
        {
            var path = new StringBuilder();
            var markers = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                if (values[i] is not { } v)
                {
                    continue;
                }

                var joined = i > 0 && values[i - 1] is not null;
                path.Append(CultureInfo.InvariantCulture, $"{(joined ? "L" : "M")}{X(i):0.#} {Y(v):0.#}");
                var isolated = !joined && (i == count - 1 || values[i + 1] is null);
                if (showEveryMarker || isolated)
                {
                    markers.Append(Dot(line, shape, X(i), Y(v)));
                }
            }

            if (path.Length > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"""<path class="line line-{line}" d="{path}"/>""");
                sb.Append(markers);
            }
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>A legend swatch for a line: its style and marker shape.</summary>
    public static IHtmlContent LegendSwatch(string line, Marker shape)
    {
        var svg = string.Create(CultureInfo.InvariantCulture,
            $"""<svg class="swatch" viewBox="0 0 40 14" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg"><path class="line line-{line}" d="M2 7H38"/>{Dot(line, shape, 20, 7)}</svg>""");
        return new HtmlString(svg);
    }

    private static string Dot(string line, Marker shape, double x, double y) => shape switch
    {
        Marker.Circle => string.Create(CultureInfo.InvariantCulture, $"""<circle class="dot-{line}" cx="{x:0.#}" cy="{y:0.#}" r="3"/>"""),
        Marker.Square => string.Create(CultureInfo.InvariantCulture, $"""<rect class="dot-{line}" x="{x - 2.8:0.#}" y="{y - 2.8:0.#}" width="5.6" height="5.6"/>"""),
        Marker.Diamond => string.Create(CultureInfo.InvariantCulture, $"""<path class="dot-{line}" d="M{x:0.#} {y - 3.8:0.#}l3.8 3.8l-3.8 3.8l-3.8-3.8z"/>"""),
        _ => string.Create(CultureInfo.InvariantCulture, $"""<path class="dot-{line}" d="M{x:0.#} {y - 3.6:0.#}l3.6 6.4h-7.2z"/>"""),
    };
}
