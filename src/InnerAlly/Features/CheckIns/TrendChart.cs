using System.Text;
using InnerAlly.Features.Charts;
using Microsoft.AspNetCore.Html;

namespace InnerAlly.Features.CheckIns;

/// <summary>
/// The three systems over time, drawn on the server as SVG: one small chart per system, one above
/// the other on a shared time axis, each named above it, so three lines never cross each other.
/// Over 30 or 90 days the line is the average of the 7 days up to each day, with every single day
/// a faint point behind it; over 7 days the line joins the days themselves. Days without a value
/// leave a gap rather than an invented line. The page pairs it with a table of the same numbers.
/// </summary>
public static class TrendChart
{
    /// <summary>The days a point of the averaged line covers: it and the six before it.</summary>
    public const int AverageDays = 7;

    private const double Top = 24;
    private const double PanelHeight = 56;
    private const double PanelGap = 34;
    private const double AxisHeight = 26;

    public const double Height = Top + (3 * PanelHeight) + (2 * PanelGap) + AxisHeight;

    private static readonly ChartFrame Frame = new(ChartFrame.PhoneWidth, Height, Left: 30, Right: 10, Top, AxisHeight);

    private static readonly (string Id, string Name, Func<CheckInTrend.Day, double?> Value)[] Systems =
    [
        ("threat", "Threat", d => d.Threat),
        ("drive", "Drive", d => d.Drive),
        ("soothe", "Soothe", d => d.Soothe),
    ];

    /// <param name="who">Who checked in, for someone else's chart (a therapist's page names the client); "you" on a person's own.</param>
    public static string Describe(CheckInTrend.Trend trend, string who = "you") =>
        trend.CheckIns == 0
            ? $"No check-ins in the last {trend.Days} days."
            : string.Create(CultureInfo.InvariantCulture,
                $"Over the last {trend.Days} days {who} checked in {trend.CheckIns} {(trend.CheckIns == 1 ? "time" : "times")} on {trend.DaysWithCheckIns} {(trend.DaysWithCheckIns == 1 ? "day" : "days")}. " +
                $"On average threat was {trend.Threat:0.0}, drive {trend.Drive:0.0} and soothe {trend.Soothe:0.0} out of 10.");

    /// <summary>
    /// Whether the line is a 7-day average (over 30 and 90 days) or the days themselves (over 7, or when
    /// the person asks for <paramref name="daily"/> lines).
    /// </summary>
    public static bool IsAveraged(CheckInTrend.Trend trend, bool daily = false) => trend.Days > AverageDays && !daily;

    /// <summary>Whether the person can choose between the averaged and the daily lines: only where the average is drawn by default.</summary>
    public static bool CanChooseLines(CheckInTrend.Trend trend) => trend.Days > AverageDays;

    /// <summary>How the line is drawn, in words for the caption.</summary>
    public static string HowToRead(CheckInTrend.Trend trend, bool daily = false) => IsAveraged(trend, daily)
        ? "Each line is the average of the 7 days up to that day; the faint points are single days."
        : "Each point is the average for that day.";

    /// <summary>
    /// The average of the days with a value among each day and the <see cref="AverageDays"/> - 1 before
    /// it; null where none of those days has one.
    /// </summary>
    public static IReadOnlyList<double?> WeeklyAverage(IReadOnlyList<double?> daily) =>
    [
        .. daily.Select((_, i) =>
        {
            var window = daily.Skip(Math.Max(0, i - AverageDays + 1)).Take(Math.Min(i + 1, AverageDays)).OfType<double>().ToList();
            return window.Count == 0 ? (double?)null : window.Average();
        }),
    ];

    /// <summary>Where a value sits in its system's chart (0 = threat, 1 = drive, 2 = soothe).</summary>
    public static double Y(int panel, double value) => PanelTop(panel) + ((10 - value) * PanelHeight / 10);

    private static double PanelTop(int panel) => Top + (panel * (PanelHeight + PanelGap));

    public static IHtmlContent Render(CheckInTrend.Trend trend, string id, bool dailyLines = false)
    {
        var sb = new StringBuilder();
        var days = trend.Series;
        var count = days.Count;
        double X(int i) => Frame.X(i, count);
        var averaged = IsAveraged(trend, dailyLines);

        Frame.Open(sb, "trend trend-systems", id, $"Your three systems over the last {trend.Days} days", $"{Describe(trend)} {HowToRead(trend, dailyLines)}");
        for (var panel = 0; panel < Systems.Length; panel++)
        {
            var (system, name, value) = Systems[panel];
            sb.Append(CultureInfo.InvariantCulture, $"""<g class="panel panel-{system}">""");
            sb.Append(CultureInfo.InvariantCulture, $"""<text class="panel-name" x="{Frame.Left}" y="{PanelTop(panel) - 9:0.#}">{name}</text>""");
            Frame.AppendLevels(sb, [0, 10], level => Y(panel, level));
            sb.Append("</g>");

            var daily = days.Select(value).ToList();
            for (var i = 0; i < count; i++)
            {
                if (daily[i] is { } v)
                {
                    sb.Append(CultureInfo.InvariantCulture,
                        $"""<circle class="dot-{system}{(averaged ? " day-point" : "")}" cx="{X(i):0.#}" cy="{Y(panel, v):0.#}" r="{(averaged ? 2.2 : 3)}"/>""");
                }
            }

            var line = averaged ? WeeklyAverage(daily) : daily;
            var path = new StringBuilder();
            for (var i = 0; i < count; i++)
            {
                if (line[i] is { } v)
                {
                    var joined = i > 0 && line[i - 1] is not null;
                    path.Append(CultureInfo.InvariantCulture, $"{(joined ? "L" : "M")}{X(i):0.#} {Y(panel, v):0.#}");
                }
            }

            if (path.Length > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"""<path class="line line-{system}" d="{path}"/>""");
            }

            sb.Append("</g>");
        }

        sb.Append("""<g class="axis">""");
        Frame.AppendDays(sb, [.. days.Select(d => d.Date)], Height - 6);
        sb.Append("</g></svg>");
        return new HtmlString(sb.ToString());
    }
}
