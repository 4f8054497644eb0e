using System.Globalization;
using InnerAlly.Features.Charts;
using Microsoft.AspNetCore.Html;

namespace InnerAlly.Features.CheckIns;

/// <summary>
/// The three systems over time (<see cref="LineChart"/>): threat a solid line with circles, drive
/// dashed with squares, soothe dotted with diamonds.
/// </summary>
public static class TrendChart
{
    private static readonly (string Id, Func<CheckInTrend.Day, double?> Value, LineChart.Marker Shape)[] Systems =
    [
        ("threat", d => d.Threat, LineChart.Marker.Circle),
        ("drive", d => d.Drive, LineChart.Marker.Square),
        ("soothe", d => d.Soothe, LineChart.Marker.Diamond),
    ];

    public static string Describe(CheckInTrend.Trend trend) =>
        trend.CheckIns == 0
            ? $"No check-ins in the last {trend.Days} days."
            : string.Create(CultureInfo.InvariantCulture,
                $"Over the last {trend.Days} days you checked in {trend.CheckIns} {(trend.CheckIns == 1 ? "time" : "times")} on {trend.DaysWithCheckIns} {(trend.DaysWithCheckIns == 1 ? "day" : "days")}. " +
                $"On average threat was {trend.Threat:0.0}, drive {trend.Drive:0.0} and soothe {trend.Soothe:0.0} out of 10.");

    public static IHtmlContent Render(CheckInTrend.Trend trend, string id) =>
        LineChart.Render(
            id,
            $"Your three systems over the last {trend.Days} days",
            Describe(trend),
            [.. trend.Series.Select(d => d.Date)],
            [.. Systems.Select(s => new LineChart.Series(s.Id, [.. trend.Series.Select(s.Value)], s.Shape))]);

    /// <summary>A legend swatch for a system: its line style and marker shape.</summary>
    public static IHtmlContent LegendSwatch(string system) =>
        LineChart.LegendSwatch(system, Systems.Single(s => s.Id == system).Shape);
}
