using InnerAlly.Features.CheckIns;
using InnerAlly.Features.Measures;
using InnerAlly.Features.Practices;

namespace InnerAlly.Features.CareTeam;

/// <summary>One client, as their therapist sees them: only what they share, read through the rule and recorded.</summary>
public static class ShowClient
{
    public const int TrendDays = 90;
    public const int RecentCheckIns = 30;
    public const int RecentPractices = 50;

    /// <param name="Emotions">Null unless check-in notes are shared.</param>
    /// <param name="Note">Null unless check-in notes are shared (or there is none).</param>
    public sealed record CheckInRow(Guid Id, DateTime RecordedAt, int Threat, int Drive, int Soothe, IReadOnlyList<string>? Emotions, string? Note);

    public sealed record PracticeRow(Guid Id, string PracticeId, string Title, DateTime StartedAt, int Minutes, int? ThreatBefore, int? SootheBefore, int? ThreatAfter, int? SootheAfter);

    public sealed record QuestionnaireHistory(Instrument Instrument, IReadOnlyList<MeasureHistory.Entry> Entries);

    /// <param name="Trend">Null (with <paramref name="CheckIns"/>) when check-in ratings are not shared.</param>
    /// <param name="Practices">Null when practices are not shared.</param>
    /// <param name="Questionnaires">Null when questionnaires are not shared.</param>
    public sealed record View(
        CareAccess.Client Client, string ClinicName, TimeZoneInfo Zone, CheckInTrend.Trend? Trend, IReadOnlyList<CheckInRow>? CheckIns,
        IReadOnlyList<PracticeRow>? Practices, IReadOnlyList<QuestionnaireHistory>? Questionnaires);

    /// <summary>Null when this is not one of the therapist's active clients (the caller answers 404).</summary>
    public static async Task<View?> HandleAsync(Guid therapistUserId, Guid relationshipId, CareAccess access, AppDbContext db, InstrumentCatalog instruments, PracticeCatalog library, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (await access.ClientAsync(therapistUserId, relationshipId, cancellationToken) is not { } client)
        {
            return null;
        }

        var shown = new[] { SharingCategories.CheckInRatings, SharingCategories.CheckInNotes, SharingCategories.Practices, SharingCategories.Questionnaires }.Where(client.Shares).ToList();
        await access.RecordAsync(client, shown, null, http, cancellationToken);

        var zoneId = await db.Users.AsNoTracking().Where(u => u.Id == client.ClientId).Select(u => u.TimeZoneId).SingleAsync(cancellationToken);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var now = clock.GetUtcNow().UtcDateTime;
        var clinic = await db.Clinics.AsNoTracking().Where(c => c.Id == client.Relationship.ClinicId).Select(c => c.Name).SingleAsync(cancellationToken);
        IReadOnlyList<CareAccess.Client> one = [client];

        CheckInTrend.Trend? trend = null;
        IReadOnlyList<CheckInRow>? checkIns = null;
        if (client.Shares(SharingCategories.CheckInRatings))
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
            var since = CheckInTrend.StartOfDayUtc(today.AddDays(-(TrendDays - 1)), zone);
            trend = CheckInTrend.Build(TrendDays, today, zone, (await access.RatingsAsync(one, since, cancellationToken))[client.ClientId]);
            checkIns = [.. (await access.CheckInsAsync(client, RecentCheckIns, cancellationToken)).Select(x => new CheckInRow(
                x.CheckIn.Id, x.CheckIn.RecordedAt, x.CheckIn.Threat, x.CheckIn.Drive, x.CheckIn.Soothe,
                x.NoteShared ? x.CheckIn.Emotions : null, x.NoteShared ? x.CheckIn.Note : null))];
        }

        IReadOnlyList<PracticeRow>? practices = null;
        if (client.Shares(SharingCategories.Practices))
        {
            practices = [.. (await access.PracticesAsync(one, DateTime.MinValue, cancellationToken))[client.ClientId].Take(RecentPractices).Select(p => new PracticeRow(
                p.Id, p.PracticeId, library.TitleOf(p.PracticeId), p.StartedAt, (int)Math.Round(p.DurationSeconds / 60.0),
                p.ThreatBefore, p.SootheBefore, p.ThreatAfter, p.SootheAfter))];
        }

        IReadOnlyList<QuestionnaireHistory>? questionnaires = null;
        if (client.Shares(SharingCategories.Questionnaires))
        {
            questionnaires = [.. (await access.QuestionnairesAsync(one, cancellationToken))[client.ClientId]
                .GroupBy(r => r.InstrumentCode)
                .Select(g => instruments.Find(g.Key) is { } instrument ? new QuestionnaireHistory(instrument, MeasureHistory.Read(instrument, MeasureHistory.InOrder(g))) : null)
                .OfType<QuestionnaireHistory>()
                .OrderBy(h => h.Instrument.ShortTitle, StringComparer.Ordinal)];
        }

        return new View(client, clinic, zone, trend, checkIns, practices, questionnaires);
    }
}
