using InnerAlly.Features.CheckIns;

namespace InnerAlly.Tests.Features.CheckIns;

public sealed class TrendChartTests
{
    private static CheckInTrend.Trend Trend(params (int Threat, int Drive, int Soothe)?[] days)
    {
        var from = new DateOnly(2026, 11, 19);
        var series = days.Select((d, i) => d is { } v
            ? new CheckInTrend.Day(from.AddDays(i), 1, v.Threat, v.Drive, v.Soothe)
            : new CheckInTrend.Day(from.AddDays(i), 0, null, null, null)).ToList();
        var present = days.OfType<(int Threat, int Drive, int Soothe)>().ToList();
        return new CheckInTrend.Trend(days.Length, from, from.AddDays(days.Length - 1), series, present.Count,
            present.Count == 0 ? null : present.Average(d => d.Threat),
            present.Count == 0 ? null : present.Average(d => d.Drive),
            present.Count == 0 ? null : present.Average(d => d.Soothe));
    }

    [Fact]
    public void A_missing_day_breaks_the_line_instead_of_inventing_one()
    {
        var svg = TrendChart.Render(Trend((5, 5, 5), (6, 4, 3), null, (2, 2, 8), (3, 3, 7), null, null), "t").ToString()!;

        var threatPath = System.Text.RegularExpressions.Regex.Match(svg, "class=\"line line-threat\" d=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(2, threatPath.Count(c => c == 'M'));
        Assert.Equal(2, threatPath.Count(c => c == 'L'));
    }

    [Fact]
    public void Lines_are_placed_on_a_0_to_10_scale()
    {
        // Plot area runs from y=12 (10) to y=160 (0): 190 high, 12 top, 30 bottom margins; it starts at x=30.
        var svg = TrendChart.Render(Trend((10, 0, 5), (10, 0, 5), (10, 0, 5), (10, 0, 5), (10, 0, 5), (10, 0, 5), (10, 0, 5)), "t").ToString()!;

        Assert.Contains("class=\"line line-threat\" d=\"M30 12L", svg, StringComparison.Ordinal);
        Assert.Contains("class=\"line line-drive\" d=\"M30 160L", svg, StringComparison.Ordinal);
        Assert.Contains("class=\"line line-soothe\" d=\"M30 86L", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Description_says_how_often_and_the_averages()
    {
        var trend = Trend(null, (6, 4, 2), null, (4, 4, 4), null, null, null);

        Assert.Equal(
            "Over the last 7 days you checked in 2 times on 2 days. On average threat was 5.0, drive 4.0 and soothe 3.0 out of 10.",
            TrendChart.Describe(trend));
        Assert.Equal("No check-ins in the last 7 days.", TrendChart.Describe(Trend(null, null, null, null, null, null, null)));
    }

    [Fact]
    public void An_isolated_day_still_shows_as_a_marker_on_long_ranges()
    {
        var days = new (int, int, int)?[90];
        days[40] = (3, 3, 3);

        var svg = TrendChart.Render(Trend(days), "t").ToString()!;

        Assert.Contains("class=\"dot-threat\"", svg, StringComparison.Ordinal);
        Assert.Contains("class=\"dot-drive\"", svg, StringComparison.Ordinal);
        Assert.Contains("class=\"dot-soothe\"", svg, StringComparison.Ordinal);
    }
}
