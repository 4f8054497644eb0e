using InnerAlly.Features.CheckIns;
using InnerAlly.Features.Measures;

namespace InnerAlly.Features.CareTeam;

/// <summary>
/// The therapist's caseload: every active client with what they share of the last two weeks,
/// ordered by what needs attention first (a shared safety notice since the therapist last looked,
/// reliable deterioration on a questionnaire, then no check-in for 14 days). A category the client does not share is "not shared" (null here),
/// never whether anything exists in it.
/// </summary>
public static class ShowCaseload
{
    public const int WindowDays = 14;

    /// <summary>How far apart two averages must be before the direction is called up or down.</summary>
    public const double Steady = 0.5;

    public sealed record Average(double? Threat, double? Drive, double? Soothe);

    /// <param name="Direction">"up", "down" or "steady" against the 14 days before; null when either fortnight has no check-in.</param>
    public sealed record SystemTrend(double? Value, string? Direction);

    /// <param name="LastAt">Null when no shared check-in exists.</param>
    public sealed record CheckIns(DateTime? LastAt, int Count, SystemTrend Threat, SystemTrend Drive, SystemTrend Soothe);

    /// <param name="Reliable">Against the first shared response: "improvement", "deterioration", "none", or null when there is one response or no reliable-change figure.</param>
    public sealed record Questionnaire(string Code, string Title, decimal Score, string? Band, DateTime CompletedAt, decimal? ChangeFromFirst, string? Reliable);

    public sealed record Practices(int Minutes, int Sessions);

    /// <param name="SinceLastLook">Support notices since you last opened this client's page (or since you began working together).</param>
    /// <param name="LatestAt">The latest of them; null when there is none.</param>
    public sealed record SafetyNotices(int SinceLastLook, DateTime? LatestAt, string? LatestAfter);

    /// <param name="CheckIns">Null: check-in ratings are not shared.</param>
    /// <param name="Questionnaires">Null: questionnaires are not shared.</param>
    /// <param name="Practices">Null: practices are not shared.</param>
    /// <param name="SafetyNotices">Null: safety notices are not shared.</param>
    /// <param name="Attention">Why this client comes first, in plain words; empty when nothing stands out.</param>
    public sealed record Row(
        Guid Id, string ClientName, string ClinicName, DateTime StartedAt, CheckIns? CheckIns, IReadOnlyList<Questionnaire>? Questionnaires, Practices? Practices,
        SafetyNotices? SafetyNotices, IReadOnlyList<string> Attention);

    public static async Task<IReadOnlyList<Row>> HandleAsync(Guid therapistUserId, CareAccess access, AppDbContext db, InstrumentCatalog instruments, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var clients = await access.CaseloadAsync(therapistUserId, cancellationToken);
        return await RowsAsync(clients, access, db, instruments, clock, http, cancellationToken);
    }

    public static async Task<IReadOnlyList<Row>> RowsAsync(IReadOnlyList<CareAccess.Client> clients, CareAccess access, AppDbContext db, InstrumentCatalog instruments, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        await access.RecordAsync([.. clients.Select(c => (c, Shown(c)))], null, http, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var window = now.AddDays(-WindowDays);
        var ratings = await access.RatingsAsync(clients, now.AddDays(-2 * WindowDays), cancellationToken);
        var last = await access.LastCheckInsAsync(clients, ratings, cancellationToken);
        var practices = await access.PracticesAsync(clients, window, cancellationToken);
        var questionnaires = await access.QuestionnaireEndsAsync(clients, cancellationToken);
        var notices = await NoticesSinceLastLookAsync(clients, access, db, cancellationToken);
        var clinicIds = clients.Select(c => c.Relationship.ClinicId).Distinct().ToList();
        var clinics = await db.Clinics.AsNoTracking().Where(c => clinicIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

        var rows = clients.Select(client =>
        {
            var id = client.ClientId;
            var checkIns = client.Shares(SharingCategories.CheckInRatings) ? Summarize(ratings[id].ToList(), last.TryGetValue(id, out var at) ? at : null, window) : null;
            var scores = client.Shares(SharingCategories.Questionnaires) ? Latest(questionnaires[id], instruments) : null;
            var practice = client.Shares(SharingCategories.Practices)
                ? new Practices((int)Math.Round(practices[id].Sum(p => p.DurationSeconds) / 60.0), practices[id].Count())
                : null;
            var safety = client.Shares(SharingCategories.SafetyNotices) ? notices.GetValueOrDefault(client.Relationship.Id, new SafetyNotices(0, null, null)) : null;
            return new Row(client.Relationship.Id, client.Relationship.ClientName, clinics.GetValueOrDefault(client.Relationship.ClinicId, ""), client.Relationship.StartedAt,
                checkIns, scores, practice, safety, Attention(checkIns, scores, safety, now));
        });
        return [.. rows.OrderBy(r => Rank(r)).ThenBy(r => r.ClientName, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>The categories a caseload row reads of this client.</summary>
    public static IReadOnlyList<string> Shown(CareAccess.Client client) =>
        [.. new[] { SharingCategories.CheckInRatings, SharingCategories.Practices, SharingCategories.Questionnaires, SharingCategories.SafetyNotices }.Where(client.Shares)];

    /// <summary>
    /// Support notices since the therapist last opened each client's page (a look through
    /// <see cref="ShowClient.Vias"/>), or since they began working together, by relationship.
    /// Only clients with a notice in the window are looked up further.
    /// </summary>
    private static async Task<Dictionary<Guid, SafetyNotices>> NoticesSinceLastLookAsync(
        IReadOnlyList<CareAccess.Client> clients, CareAccess access, AppDbContext db, CancellationToken cancellationToken)
    {
        var sharing = clients.Where(c => c.Shares(SharingCategories.SafetyNotices)).ToList();
        if (sharing.Count == 0)
        {
            return [];
        }

        var earliest = sharing.Min(c => c.Relationship.StartedAt);
        var found = await access.SafetyNoticesAsync(sharing, earliest, cancellationToken);
        var withNotices = sharing.Where(c => found[c.ClientId].Any(n => n.At >= c.Relationship.StartedAt)).ToList();
        if (withNotices.Count == 0)
        {
            return [];
        }

        var ids = withNotices.Select(c => c.Relationship.Id).ToList();
        var vias = ShowClient.Vias;
        var looked = await db.CareAccessRecords.AsNoTracking()
            .Where(r => ids.Contains(r.RelationshipId) && vias.Contains(r.Via))
            .GroupBy(r => r.RelationshipId)
            .Select(g => new { Id = g.Key, At = g.Max(r => r.At) })
            .ToDictionaryAsync(x => x.Id, x => x.At, cancellationToken);
        return withNotices.ToDictionary(c => c.Relationship.Id, c =>
        {
            var since = looked.TryGetValue(c.Relationship.Id, out var at) ? at : c.Relationship.StartedAt;
            var recent = found[c.ClientId].Where(n => n.At > since).ToList();
            return new SafetyNotices(recent.Count, recent.FirstOrDefault()?.At, recent.FirstOrDefault() is { } latest ? SafetyNoticeFeatures.NameOf(latest.Feature) : null);
        });
    }

    private static CheckIns Summarize(List<CheckInTrend.Reading> ratings, DateTime? lastAt, DateTime window)
    {
        var recent = ratings.Where(r => r.At >= window).ToList();
        var before = ratings.Where(r => r.At < window).ToList();
        SystemTrend Trend(Func<CheckInTrend.Reading, int> value)
        {
            double? now = recent.Count == 0 ? null : recent.Average(value);
            double? then = before.Count == 0 ? null : before.Average(value);
            var direction = now is null || then is null ? null : now - then >= Steady ? "up" : then - now >= Steady ? "down" : "steady";
            return new SystemTrend(now is null ? null : Math.Round(now.Value, 1), direction);
        }

        return new CheckIns(lastAt, recent.Count, Trend(r => r.Threat), Trend(r => r.Drive), Trend(r => r.Soothe));
    }

    private static IReadOnlyList<Questionnaire> Latest(IEnumerable<MeasureResponse> responses, InstrumentCatalog instruments) =>
    [
        .. responses.GroupBy(r => r.InstrumentCode)
            .Select(g => instruments.Find(g.Key) is { Total: not null } instrument ? (instrument, Entries: MeasureHistory.Read(instrument, MeasureHistory.InOrder(g))) : default)
            .Where(x => x.instrument is not null && x.Entries.Count > 0 && x.Entries[^1].Scores?.Total is not null)
            .Select(x =>
            {
                var latest = x.Entries[^1];
                var change = latest.TotalChange?.FromFirst?.Change;
                return new Questionnaire(x.instrument.Code, x.instrument.ShortTitle, latest.Scores!.Total!.Value, latest.Scores.Total.Band?.Label,
                    latest.Response.CompletedAt!.Value, change?.Difference, change?.Reliable);
            })
            .OrderBy(q => q.Title, StringComparer.Ordinal),
    ];

    private static List<string> Attention(CheckIns? checkIns, IReadOnlyList<Questionnaire>? scores, SafetyNotices? safety, DateTime now)
    {
        var reasons = new List<string>();
        if (safety is { SinceLastLook: > 0 })
        {
            reasons.Add(safety.SinceLastLook == 1 ? $"A safety notice since you last looked (after {safety.LatestAfter})" : $"{safety.SinceLastLook} safety notices since you last looked");
        }

        foreach (var score in scores?.Where(s => s.Reliable == ScoreResponse.Deterioration) ?? [])
        {
            reasons.Add($"{score.Title}: reliably worse than the first");
        }

        if (checkIns is not null && (checkIns.LastAt is not { } last || now - last >= TimeSpan.FromDays(WindowDays)))
        {
            reasons.Add("No check-in for 14 days");
        }

        return reasons;
    }

    private static int Rank(Row row) =>
        row.SafetyNotices is { SinceLastLook: > 0 } ? 0
        : row.Questionnaires?.Any(q => q.Reliable == ScoreResponse.Deterioration) == true ? 1
        : row.Attention.Count > 0 ? 2 : 3;
}
