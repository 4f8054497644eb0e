using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace InnerAlly.Features.CheckIns;

/// <summary>
/// The three systems over time as a server-drawn SVG line chart. Lines differ by colour, dash
/// and marker shape; days without a check-in leave a gap rather than an invented line.
/// </summary>
public static class TrendChart
{
    // Sized for a phone first: the text stays readable when the picture is 300 pixels wide.
    private const double Width = 320;
    private const double Height = 190;
    private const double Left = 30;
    private const double Right = 10;
    private const double Top = 12;
    private const double Bottom = 30;

    private static readonly (string Id, string Name, Func<CheckInTrend.Day, double?> Value)[] Systems =
    [
        ("threat", "Threat", d => d.Threat),
        ("drive", "Drive", d => d.Drive),
        ("soothe", "Soothe", d => d.Soothe),
    ];

    public static string Describe(CheckInTrend.Trend trend) =>
        trend.CheckIns == 0
            ? $"No check-ins in the last {trend.Days} days."
            : string.Create(CultureInfo.InvariantCulture,
                $"Over the last {trend.Days} days you checked in {trend.CheckIns} {(trend.CheckIns == 1 ? "time" : "times")} on {trend.DaysWithCheckIns} {(trend.DaysWithCheckIns == 1 ? "day" : "days")}. " +
                $"On average threat was {trend.Threat:0.0}, drive {trend.Drive:0.0} and soothe {trend.Soothe:0.0} out of 10.");

    public static IHtmlContent Render(CheckInTrend.Trend trend, string id)
    {
        var enc = HtmlEncoder.Default;
        var sb = new StringBuilder();
        var days = trend.Series.Count;
        double X(int i) => days == 1 ? Left + ((Width - Left - Right) / 2) : Left + (i * (Width - Left - Right) / (days - 1));
        double Y(double value) => Top + ((10 - value) * (Height - Top - Bottom) / 10);

        sb.Append(CultureInfo.InvariantCulture,
            $"""<svg class="trend" viewBox="0 0 {Width} {Height}" role="img" aria-labelledby="{enc.Encode(id)}-title {enc.Encode(id)}-desc" xmlns="http://www.w3.org/2000/svg">""");
        sb.Append(CultureInfo.InvariantCulture, $"""<title id="{enc.Encode(id)}-title">Your three systems over the last {trend.Days} days</title>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<desc id="{enc.Encode(id)}-desc">{enc.Encode(Describe(trend))}</desc>""");

        sb.Append("""<g class="grid">""");
        foreach (var level in new[] { 0, 5, 10 })
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" x2="{Width - Right}" y1="{Y(level):0.#}" y2="{Y(level):0.#}"/>""");
        }

        sb.Append("</g><g class=\"axis\">");
        foreach (var level in new[] { 0, 5, 10 })
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<text x="{Left - 6}" y="{Y(level) + 4:0.#}" text-anchor="end">{level}</text>""");
        }

        foreach (var i in new[] { 0, (days - 1) / 2, days - 1 }.Distinct())
        {
            var anchor = i == 0 ? "start" : i == days - 1 ? "end" : "middle";
            sb.Append(CultureInfo.InvariantCulture,
                $"""<text x="{X(i):0.#}" y="{Height - 8}" text-anchor="{anchor}">{trend.Series[i].Date.ToString("d MMM", CultureInfo.InvariantCulture)}</text>""");
        }

        sb.Append("</g>");

        var showEveryMarker = days <= 30;
        foreach (var (system, _, value) in Systems)
        {
            var path = new StringBuilder();
            var markers = new StringBuilder();
            for (var i = 0; i < days; i++)
            {
                if (value(trend.Series[i]) is not { } v)
                {
                    continue;
                }

                var joined = i > 0 && value(trend.Series[i - 1]) is not null;
                path.Append(CultureInfo.InvariantCulture, $"{(joined ? "L" : "M")}{X(i):0.#} {Y(v):0.#}");
                var isolated = !joined && (i == days - 1 || value(trend.Series[i + 1]) is null);
                if (showEveryMarker || isolated)
                {
                    markers.Append(Marker(system, X(i), Y(v)));
                }
            }

            if (path.Length > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"""<path class="line line-{system}" d="{path}"/>""");
                sb.Append(markers);
            }
        }

        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>A legend swatch for a system: its line style and marker shape.</summary>
    public static IHtmlContent LegendSwatch(string system)
    {
        var svg = string.Create(CultureInfo.InvariantCulture,
            $"""<svg class="swatch" viewBox="0 0 40 14" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg"><path class="line line-{system}" d="M2 7H38"/>{Marker(system, 20, 7)}</svg>""");
        return new HtmlString(svg);
    }

    /// <summary>Threat a circle, drive a square, soothe a diamond: shape tells them apart without colour.</summary>
    private static string Marker(string system, double x, double y) => system switch
    {
        "threat" => string.Create(CultureInfo.InvariantCulture, $"""<circle class="dot-threat" cx="{x:0.#}" cy="{y:0.#}" r="3"/>"""),
        "drive" => string.Create(CultureInfo.InvariantCulture, $"""<rect class="dot-drive" x="{x - 2.8:0.#}" y="{y - 2.8:0.#}" width="5.6" height="5.6"/>"""),
        _ => string.Create(CultureInfo.InvariantCulture, $"""<path class="dot-soothe" d="M{x:0.#} {y - 3.8:0.#}l3.8 3.8l-3.8 3.8l-3.8-3.8z"/>"""),
    };
}
