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
    public void Each_system_has_its_own_0_to_10_chart_one_above_the_other()
    {
        // Threat's chart runs from y=24 (10) to 80 (0), drive's from 114 to 170, soothe's from 204 to 260 (56 high, 34 apart); x starts at 30.
        var svg = TrendChart.Render(Trend((10, 0, 5), (10, 0, 5), (10, 0, 5), (10, 0, 5), (10, 0, 5), (10, 0, 5), (10, 0, 5)), "t").ToString()!;

        Assert.Contains("class=\"line line-threat\" d=\"M30 24L", svg, StringComparison.Ordinal);
        Assert.Contains("class=\"line line-drive\" d=\"M30 170L", svg, StringComparison.Ordinal);
        Assert.Contains("class=\"line line-soothe\" d=\"M30 232L", svg, StringComparison.Ordinal);
        Assert.Equal(["Threat", "Drive", "Soothe"], System.Text.RegularExpressions.Regex.Matches(svg, "class=\"panel-name\"[^>]*>([^<]+)<").Select(m => m.Groups[1].Value));
        // One shared time axis, beneath the last chart.
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(svg, ">\\d+ Nov<"));
        Assert.DoesNotContain("day-point", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Weekly_average_covers_each_day_and_the_six_before_it_and_stops_after_a_week_without_any()
    {
        double?[] daily = [2, null, 4, 6, null, null, null, 8, null, null, null, null, null, null, null, null];

        var average = TrendChart.WeeklyAverage(daily);

        double?[] expected = [2, 2, 3, 4, 4, 4, 4, 6, 6, 7, 8, 8, 8, 8, null, null];
        Assert.Equal(expected, average);
    }

    [Fact]
    public void Over_30_days_the_line_is_the_weekly_average_with_each_day_a_faint_point()
    {
        var days = new (int, int, int)?[30];
        days[0] = (2, 5, 5);
        days[1] = (4, 5, 5);

        var svg = TrendChart.Render(Trend(days), "t").ToString()!;

        // Day 0 at threat 2 (y 68.8), day 1 averages 2 and 4 to 3 (x 30 + 280/29 = 39.7, y 63.2), and 3 holds while day 1 is in the week.
        Assert.Contains("class=\"line line-threat\" d=\"M30 68.8L39.7 63.2L", svg, StringComparison.Ordinal);
        Assert.Equal(7, System.Text.RegularExpressions.Regex.Match(svg, "class=\"line line-threat\" d=\"([^\"]+)\"").Groups[1].Value.Count(c => c == 'L'));
        Assert.Contains("class=\"dot-threat day-point\" cx=\"39.7\" cy=\"57.6\"", svg, StringComparison.Ordinal);
        Assert.Contains("faint points are single days", svg, StringComparison.Ordinal);
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
    public void Over_30_days_with_daily_lines_asked_for_the_line_joins_the_days_themselves()
    {
        var days = new (int, int, int)?[30];
        days[0] = (2, 5, 5);
        days[1] = (4, 5, 5);

        var svg = TrendChart.Render(Trend(days), "t", dailyLines: true).ToString()!;

        // Day 0 at threat 2 (y 68.8), day 1 at threat 4 (x 39.7, y 57.6), and nothing after: one step, no average.
        Assert.Contains("class=\"line line-threat\" d=\"M30 68.8L39.7 57.6\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("day-point", svg, StringComparison.Ordinal);
        Assert.Contains("Each point is the average for that day.", svg, StringComparison.Ordinal);
        Assert.True(TrendChart.CanChooseLines(Trend(days)));
    }

    [Fact]
    public void An_isolated_day_still_shows_as_a_marker_on_long_ranges()
    {
        var days = new (int, int, int)?[90];
        days[40] = (3, 3, 3);

        var svg = TrendChart.Render(Trend(days), "t").ToString()!;

        Assert.Contains("class=\"dot-threat day-point\"", svg, StringComparison.Ordinal);
        Assert.Contains("class=\"dot-drive day-point\"", svg, StringComparison.Ordinal);
        Assert.Contains("class=\"dot-soothe day-point\"", svg, StringComparison.Ordinal);
    }
}
