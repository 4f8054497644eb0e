namespace InnerAlly.Features.CheckIns;

/// <summary>How the three systems moved over the last 7, 30 or 90 days, day by day in the person's own time zone.</summary>
public static class CheckInTrend
{
    public static readonly IReadOnlyList<int> Ranges = [7, 30, 90];

    public sealed record Day(DateOnly Date, int CheckIns, double? Threat, double? Drive, double? Soothe);

    public sealed record Trend(int Days, DateOnly From, DateOnly To, IReadOnlyList<Day> Series, int CheckIns, double? Threat, double? Drive, double? Soothe)
    {
        public int DaysWithCheckIns => Series.Count(d => d.CheckIns > 0);
    }

    public static async Task<Trend> HandleAsync(Guid userId, int days, TimeZoneInfo zone, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Ranges.Contains(days))
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "Trends cover 7, 30 or 90 days.");
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone));
        var from = today.AddDays(-(days - 1));
        var fromUtc = StartOfDayUtc(from, zone);
        var toUtc = StartOfDayUtc(today.AddDays(1), zone);

        var readings = await db.CheckIns.AsNoTracking()
            .Where(c => c.UserId == userId && c.RecordedAt >= fromUtc && c.RecordedAt < toUtc)
            .Select(c => new Reading(c.RecordedAt, c.Threat, c.Drive, c.Soothe))
            .ToListAsync(cancellationToken);
        return Build(days, today, zone, readings);
    }

    /// <summary>One reading's time (UTC) and ratings.</summary>
    public sealed record Reading(DateTime At, int Threat, int Drive, int Soothe);

    /// <summary>The trend over the <paramref name="days"/> ending today, from readings already read (those outside the days are left out).</summary>
    public static Trend Build(int days, DateOnly today, TimeZoneInfo zone, IEnumerable<Reading> all)
    {
        var from = today.AddDays(-(days - 1));
        var byDay = all
            .GroupBy(r => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(r.At, zone)))
            .Where(g => g.Key >= from && g.Key <= today)
            .ToDictionary(g => g.Key, g => g.ToList());
        var readings = byDay.Values.SelectMany(d => d).ToList();
        var series = Enumerable.Range(0, days)
            .Select(i => from.AddDays(i))
            .Select(date => byDay.TryGetValue(date, out var day)
                ? new Day(date, day.Count, day.Average(r => r.Threat), day.Average(r => r.Drive), day.Average(r => r.Soothe))
                : new Day(date, 0, null, null, null))
            .ToList();

        return readings.Count == 0
            ? new Trend(days, from, today, series, 0, null, null, null)
            : new Trend(days, from, today, series, readings.Count,
                readings.Average(r => r.Threat), readings.Average(r => r.Drive), readings.Average(r => r.Soothe));
    }

    /// <summary>Midnight in the person's zone, as UTC; where midnight does not exist (a clock change), the first valid moment after it.</summary>
    public static DateTime StartOfDayUtc(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
