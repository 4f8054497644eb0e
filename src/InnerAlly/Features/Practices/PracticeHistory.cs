namespace InnerAlly.Features.Practices;

/// <summary>A person's own practice sessions, and what they show over time.</summary>
public static class PracticeHistory
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Averages are shown only once a practice has this many sessions rated before and after.</summary>
    public const int InsightMinimum = 3;

    public sealed record SessionResponse(
        Guid Id,
        string PracticeId,
        string PracticeTitle,
        DateTime StartedAt,
        int DurationSeconds,
        RatingsResponse? Before,
        RatingsResponse? After,
        string? Note,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] Safety.SafetyNotice? Safety = null);

    public sealed record RatingsResponse(int? Threat, int? Soothe);

    /// <summary>
    /// One practice's record. Changes are after minus before, over sessions rated both times:
    /// a positive soothe change means feeling more soothed afterwards; a negative threat change,
    /// less under threat. Null until <see cref="InsightMinimum"/> sessions carry both ratings.
    /// </summary>
    public sealed record Insight(
        string PracticeId,
        string PracticeTitle,
        int Sessions,
        int TotalSeconds,
        int RatedSessions,
        double? AverageSootheChange,
        double? AverageThreatChange);

    public sealed record Month(int Year, int MonthNumber, int Minutes, int Days, int Sessions);

    public static SessionResponse ToResponse(PracticeSession s, PracticeCatalog practices) => new(
        s.Id,
        s.PracticeId,
        practices.TitleOf(s.PracticeId),
        s.StartedAt,
        s.DurationSeconds,
        s.ThreatBefore is null && s.SootheBefore is null ? null : new RatingsResponse(s.ThreatBefore, s.SootheBefore),
        s.ThreatAfter is null && s.SootheAfter is null ? null : new RatingsResponse(s.ThreatAfter, s.SootheAfter),
        s.Note);

    /// <summary>The newest sessions first, starting before <paramref name="before"/> when given.</summary>
    public static async Task<IReadOnlyList<SessionResponse>> ListAsync(
        Guid userId, int limit, DateTime? before, AppDbContext db, PracticeCatalog practices, CancellationToken cancellationToken)
    {
        var sessions = await db.PracticeSessions.AsNoTracking()
            .Where(s => s.UserId == userId && (before == null || s.StartedAt < before))
            .OrderByDescending(s => s.StartedAt)
            .ThenByDescending(s => s.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. sessions.Select(s => ToResponse(s, practices))];
    }

    public static async Task<SessionResponse?> FindAsync(Guid id, Guid userId, AppDbContext db, PracticeCatalog practices, CancellationToken cancellationToken) =>
        await db.PracticeSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId, cancellationToken) is { } s
            ? ToResponse(s, practices)
            : null;

    public static async Task<IReadOnlyList<Insight>> InsightsAsync(Guid userId, AppDbContext db, PracticeCatalog practices, CancellationToken cancellationToken)
    {
        var rows = await db.PracticeSessions.AsNoTracking()
            .Where(s => s.UserId == userId)
            .Select(s => new { s.PracticeId, s.DurationSeconds, s.ThreatBefore, s.ThreatAfter, s.SootheBefore, s.SootheAfter })
            .ToListAsync(cancellationToken);
        return [.. rows
            .GroupBy(r => r.PracticeId, StringComparer.Ordinal)
            .Select(g =>
            {
                var soothe = g.Where(r => r.SootheBefore is not null && r.SootheAfter is not null).Select(r => r.SootheAfter!.Value - r.SootheBefore!.Value).ToList();
                var threat = g.Where(r => r.ThreatBefore is not null && r.ThreatAfter is not null).Select(r => r.ThreatAfter!.Value - r.ThreatBefore!.Value).ToList();
                var rated = g.Count(r => (r.SootheBefore is not null && r.SootheAfter is not null) || (r.ThreatBefore is not null && r.ThreatAfter is not null));
                return new Insight(
                    g.Key,
                    practices.TitleOf(g.Key),
                    g.Count(),
                    g.Sum(r => r.DurationSeconds),
                    rated,
                    soothe.Count >= InsightMinimum ? Math.Round(soothe.Average(), 1) : null,
                    threat.Count >= InsightMinimum ? Math.Round(threat.Average(), 1) : null);
            })
            .OrderByDescending(i => i.Sessions)
            .ThenBy(i => i.PracticeTitle, StringComparer.Ordinal)];
    }

    /// <summary>Minutes and days practised in the current calendar month, in the person's time zone.</summary>
    public static async Task<Month> ThisMonthAsync(Guid userId, TimeZoneInfo zone, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone));
        var first = new DateOnly(today.Year, today.Month, 1);
        var from = StartOfDayUtc(first, zone);
        var to = StartOfDayUtc(first.AddMonths(1), zone);
        var rows = await db.PracticeSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.StartedAt >= from && s.StartedAt < to)
            .Select(s => new { s.StartedAt, s.DurationSeconds })
            .ToListAsync(cancellationToken);
        var seconds = rows.Sum(r => r.DurationSeconds);
        var days = rows.Select(r => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(r.StartedAt, zone))).Distinct().Count();
        return new Month(today.Year, today.Month, (int)Math.Round(seconds / 60.0, MidpointRounding.AwayFromZero), days, rows.Count);
    }

    private static DateTime StartOfDayUtc(DateOnly date, TimeZoneInfo zone) =>
        CheckIns.CheckInTrend.StartOfDayUtc(date, zone);
}
