using InnerAlly.Features.CheckIns;

namespace InnerAlly.Features.Writing;

/// <summary>
/// How often a person wrote (journal entries, critic-to-ally records, letters) and how their records'
/// ratings moved: the critic's harshness and their belief in the compassionate reply, before and
/// after, as daily averages in their own time zone. Only dates and numbers are read; no text is opened.
/// </summary>
public static class WritingOverTime
{
    public static readonly IReadOnlyList<int> Ranges = [30, 90];

    public sealed record Day(
        DateOnly Date, int Journal, int Records, int Letters,
        double? HarshnessBefore, double? HarshnessAfter, double? BeliefBefore, double? BeliefAfter)
    {
        public int Written => Journal + Records + Letters;

        public bool Rated => HarshnessBefore is not null || HarshnessAfter is not null || BeliefBefore is not null || BeliefAfter is not null;
    }

    /// <summary>Seven days, ending on <paramref name="To"/>, with what was written in them.</summary>
    public sealed record Week(DateOnly From, DateOnly To, int Journal, int Records, int Letters);

    public sealed record Result(int Days, DateOnly From, DateOnly To, IReadOnlyList<Day> Series)
    {
        public int Journal => Series.Sum(d => d.Journal);

        public int Records => Series.Sum(d => d.Records);

        public int Letters => Series.Sum(d => d.Letters);

        public int DaysWritten => Series.Count(d => d.Written > 0);

        public bool AnyRatings => Series.Any(d => d.Rated);

        /// <summary>The range in weeks, the latest first.</summary>
        public IReadOnlyList<Week> Weeks =>
        [
            .. Series.Reverse().Chunk(7).Select(w => new Week(w[^1].Date, w[0].Date, w.Sum(d => d.Journal), w.Sum(d => d.Records), w.Sum(d => d.Letters))),
        ];

        /// <summary>"In the last 30 days you wrote on 4 days: 3 journal entries, 2 critic-to-ally records and 1 letter."</summary>
        public string Describe()
        {
            if (DaysWritten == 0)
            {
                return $"Nothing written in the last {Days} days.";
            }

            var parts = new[] { Count(Journal, "journal entry", "journal entries"), Count(Records, "critic-to-ally record", "critic-to-ally records"), Count(Letters, "letter", "letters") }
                .OfType<string>().ToList();
            var list = parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts[..^1])} and {parts[^1]}";
            return string.Create(CultureInfo.InvariantCulture, $"In the last {Days} days you wrote on {DaysWritten} {(DaysWritten == 1 ? "day" : "days")}: {list}.");

            static string? Count(int n, string one, string many) => n == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");
        }

        public string DescribeHarshness() => DescribeRatings("how harsh the critic felt", d => d.HarshnessBefore, d => d.HarshnessAfter);

        public string DescribeBelief() => DescribeRatings("how much you believed your compassionate reply", d => d.BeliefBefore, d => d.BeliefAfter);

        private string DescribeRatings(string what, Func<Day, double?> before, Func<Day, double?> after)
        {
            var b = Series.Select(before).OfType<double>().ToList();
            var a = Series.Select(after).OfType<double>().ToList();
            if (b.Count == 0 && a.Count == 0)
            {
                return $"No ratings of {what} in the last {Days} days.";
            }

            static string Average(List<double> values) => values.Count == 0 ? "not rated" : values.Average().ToString("0.0", CultureInfo.InvariantCulture);
            return $"Over the last {Days} days, {what} averaged {Average(b)} at the start of a record and {Average(a)} at the end, out of 10.";
        }
    }

    public static async Task<Result> HandleAsync(Guid userId, int days, TimeZoneInfo zone, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Ranges.Contains(days))
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "The picture covers 30 or 90 days.");
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone));
        var from = today.AddDays(-(days - 1));
        var fromUtc = CheckInTrend.StartOfDayUtc(from, zone);
        var toUtc = CheckInTrend.StartOfDayUtc(today.AddDays(1), zone);

        var journal = await db.JournalEntries.AsNoTracking().Where(e => e.UserId == userId && e.CreatedAt >= fromUtc && e.CreatedAt < toUtc).Select(e => e.CreatedAt).ToListAsync(cancellationToken);
        var letters = await db.Letters.AsNoTracking().Where(l => l.UserId == userId && l.CreatedAt >= fromUtc && l.CreatedAt < toUtc).Select(l => l.CreatedAt).ToListAsync(cancellationToken);
        var records = await db.AllyRecords.AsNoTracking()
            .Where(r => r.UserId == userId && r.CreatedAt >= fromUtc && r.CreatedAt < toUtc)
            .Select(r => new { r.CreatedAt, r.HarshnessBefore, r.HarshnessAfter, r.BeliefBefore, r.BeliefAfter })
            .ToListAsync(cancellationToken);

        DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));
        var journalByDay = journal.CountBy(DayOf).ToDictionary();
        var lettersByDay = letters.CountBy(DayOf).ToDictionary();
        var recordsByDay = records.GroupBy(r => DayOf(r.CreatedAt)).ToDictionary(g => g.Key, g => g.ToList());
        static double? Mean(IEnumerable<int?> values) => values.OfType<int>().Select(v => (double)v).DefaultIfEmpty(double.NaN).Average() is var m && double.IsNaN(m) ? null : m;

        var series = Enumerable.Range(0, days).Select(i => from.AddDays(i)).Select(date =>
        {
            var dayRecords = recordsByDay.GetValueOrDefault(date) ?? [];
            return new Day(
                date,
                journalByDay.GetValueOrDefault(date),
                dayRecords.Count,
                lettersByDay.GetValueOrDefault(date),
                Mean(dayRecords.Select(r => r.HarshnessBefore)),
                Mean(dayRecords.Select(r => r.HarshnessAfter)),
                Mean(dayRecords.Select(r => r.BeliefBefore)),
                Mean(dayRecords.Select(r => r.BeliefAfter)));
        }).ToList();
        return new Result(days, from, today, series);
    }
}
