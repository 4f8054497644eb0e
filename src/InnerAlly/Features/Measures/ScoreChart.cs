using System.Text;
using System.Text.Encodings.Web;
using InnerAlly.Features.Charts;
using Microsoft.AspNetCore.Html;

namespace InnerAlly.Features.Measures;

/// <summary>
/// One score over time as a server-drawn SVG: the published bands shaded behind (each with its
/// label), the cut-off drawn as a dashed line, and each response a point. The page puts a table
/// beside it as its text alternative.
/// </summary>
public static class ScoreChart
{
    private static readonly ChartFrame Frame = new(ChartFrame.PhoneWidth, Height: 220, Left: 34, Right: 10, Top: 12, Bottom: 30);

    public sealed record Point(DateTime When, decimal Value);

    public static string Describe(Instrument instrument, Scale scale, IReadOnlyList<Point> points, string dateFormat = "d MMM yyyy")
    {
        if (points.Count == 0)
        {
            return $"No {instrument.ShortTitle} scores yet.";
        }

        var format = scale.Decimals == 0 ? "0" : "0.00";
        var first = points[0];
        var last = points[^1];
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"{points.Count} {(points.Count == 1 ? "score" : "scores")}. "));
        text.Append(points.Count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"{first.Value.ToString(format, CultureInfo.InvariantCulture)} on {first.When.ToString(dateFormat, CultureInfo.InvariantCulture)}.")
            : string.Create(CultureInfo.InvariantCulture,
                $"The first, on {first.When.ToString(dateFormat, CultureInfo.InvariantCulture)}, was {first.Value.ToString(format, CultureInfo.InvariantCulture)}; the latest, on {last.When.ToString(dateFormat, CultureInfo.InvariantCulture)}, is {last.Value.ToString(format, CultureInfo.InvariantCulture)}."));
        if (scale.Cutoff is { } cutoff)
        {
            text.Append(CultureInfo.InvariantCulture, $" The dashed line is the cut-off, {cutoff.Value.ToString(format, CultureInfo.InvariantCulture)}.");
        }

        text.Append(scale.HigherIsBetter ? " Higher is better on this questionnaire." : " Lower means fewer difficulties on this questionnaire.");
        return text.ToString();
    }

    public static IHtmlContent Render(Instrument instrument, Scale scale, IReadOnlyList<Point> points, string id)
    {
        var enc = HtmlEncoder.Default;
        var (min, max) = ScoreResponse.RangeOf(scale, instrument, instrument.Items.Count);
        double Y(decimal value) => Frame.Top + ((double)(max - value) * (Frame.Height - Frame.Top - Frame.Bottom) / (double)(max - min));
        double X(int i) => Frame.X(i, points.Count);
        var format = scale.Decimals == 0 ? "0" : "0.##";
        string N(decimal v) => v.ToString(format, CultureInfo.InvariantCulture);
        var step = ScoreResponse.Step(scale.Decimals);

        var sb = new StringBuilder();
        Frame.Open(sb, "score-chart", id, $"Your {instrument.ShortTitle} scores over time", Describe(instrument, scale, points));

        // Bands: alternate soft shades, each labelled inside its own strip; half a step either side so they meet.
        sb.Append("""<g class="bands">""");
        for (var i = 0; i < scale.Bands.Count; i++)
        {
            var band = scale.Bands[i];
            var top = Y(Math.Min(max, band.Max + (step / 2)));
            var bottom = Y(Math.Max(min, band.Min - (step / 2)));
            sb.Append(CultureInfo.InvariantCulture,
                $"""<rect class="band band-{i % 2}" x="{Frame.Left}" y="{top:0.#}" width="{Frame.Width - Frame.Left - Frame.Right}" height="{bottom - top:0.#}"/>""");
            if (bottom - top >= 11)
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"""<text class="band-label" x="{Frame.Width - Frame.Right - 4}" y="{((top + bottom) / 2) + 4:0.#}" text-anchor="end">{enc.Encode(band.Label)}</text>""");
            }
        }

        sb.Append("</g><g class=\"axis\">");
        foreach (var value in new[] { min, scale.Cutoff?.Value, max }.OfType<decimal>().Distinct())
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<text x="{Frame.Left - 6}" y="{Y(value) + 4:0.#}" text-anchor="end">{N(value)}</text>""");
        }

        if (points.Count > 0)
        {
            foreach (var i in new[] { 0, points.Count - 1 }.Distinct())
            {
                var anchor = points.Count == 1 ? "middle" : i == 0 ? "start" : "end";
                sb.Append(CultureInfo.InvariantCulture,
                    $"""<text x="{X(i):0.#}" y="{Frame.Height - 8}" text-anchor="{anchor}">{points[i].When.ToString("d MMM", CultureInfo.InvariantCulture)}</text>""");
            }
        }

        sb.Append("</g>");

        if (scale.Cutoff is { } cutoff)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"""<line class="cutoff" x1="{Frame.Left}" x2="{Frame.Width - Frame.Right}" y1="{Y(cutoff.Value):0.#}" y2="{Y(cutoff.Value):0.#}"/><text class="cutoff-label" x="{Frame.Left + 4}" y="{Y(cutoff.Value) - 4:0.#}">cut-off</text>""");
        }

        if (points.Count > 1)
        {
            var path = string.Join("", points.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? "M" : "L")}{X(i):0.#} {Y(p.Value):0.#}")));
            sb.Append(CultureInfo.InvariantCulture, $"""<path class="score-line" d="{path}"/>""");
        }

        for (var i = 0; i < points.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<circle class="score-dot" cx="{X(i):0.#}" cy="{Y(points[i].Value):0.#}" r="3.5"/>""");
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}
