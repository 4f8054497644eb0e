using InnerAlly.Features.Measures;

namespace InnerAlly.Features.CareTeam;

/// <summary>
/// What a therapist would see of the client's own data in each category, in a sentence or two, for
/// the page where the client chooses: the latest item as it would show, and how much "including what
/// came before" would add. Read from the client's own rows, for the client alone.
/// </summary>
public static class SharingPreview
{
    /// <param name="Latest">The latest item as the therapist would see it; null when there is none yet.</param>
    public sealed record Line(string? Latest, int Earlier, DateTime? Since);

    public static async Task<IReadOnlyDictionary<string, Line>> HandleAsync(Guid clientId, AppDbContext db, InstrumentCatalog instruments, Practices.PracticeCatalog practices, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        string Day(DateTime at) => TimeZoneInfo.ConvertTimeFromUtc(at, zone).ToString("d MMMM", CultureInfo.InvariantCulture);
        var checkIns = db.CheckIns.AsNoTracking().Where(c => c.UserId == clientId);
        var latest = await checkIns.OrderByDescending(c => c.RecordedAt).FirstOrDefaultAsync(cancellationToken);
        var checkInCount = await checkIns.CountAsync(cancellationToken);
        var firstCheckIn = await checkIns.MinAsync(c => (DateTime?)c.RecordedAt, cancellationToken);
        var noted = await checkIns.Where(c => c.Note != null).OrderByDescending(c => c.RecordedAt).FirstOrDefaultAsync(cancellationToken);
        var sessions = db.PracticeSessions.AsNoTracking().Where(s => s.UserId == clientId);
        var lastSession = await sessions.OrderByDescending(s => s.StartedAt).Select(s => new { s.PracticeId, s.StartedAt, s.DurationSeconds }).FirstOrDefaultAsync(cancellationToken);
        var sessionCount = await sessions.CountAsync(cancellationToken);
        var firstSession = await sessions.MinAsync(s => (DateTime?)s.StartedAt, cancellationToken);
        var responses = await db.MeasureResponses.AsNoTracking().Where(r => r.UserId == clientId && r.Status == MeasureResponse.Complete).ToListAsync(cancellationToken);
        var lastResponse = responses.OrderByDescending(r => r.CompletedAt).FirstOrDefault();

        string? questionnaire = null;
        if (lastResponse is not null && instruments.Find(lastResponse.InstrumentCode) is { } instrument
            && MeasureHistory.Read(instrument, MeasureHistory.InOrder(responses.Where(r => r.InstrumentCode == instrument.Code))) is [.., { Scores.Total: { } total }])
        {
            questionnaire = $"Your latest would show as: {instrument.ShortTitle} {total.Value.ToString(CultureInfo.InvariantCulture)}{(total.Band is { } band ? $", {band.Label}" : "")}, on {Day(lastResponse.CompletedAt!.Value)}, with each answer.";
        }

        return new Dictionary<string, Line>(StringComparer.Ordinal)
        {
            [SharingCategories.CheckInRatings] = new(
                latest is null ? null
                    : $"Your latest would show as: threat {latest.Threat}, drive {latest.Drive}, soothe {latest.Soothe}, on {Day(latest.RecordedAt)}.",
                checkInCount, firstCheckIn),
            [SharingCategories.CheckInNotes] = new(
                noted?.Note is { } note ? $"Your latest note would show beside its numbers: \u201c{Shorten(note)}\u201d" : null,
                await checkIns.CountAsync(c => c.Note != null, cancellationToken), firstCheckIn),
            [SharingCategories.Practices] = new(
                lastSession is null ? null
                    : $"Your latest would show as: {practices.TitleOf(lastSession.PracticeId)}, {Math.Max(1, (int)Math.Round(lastSession.DurationSeconds / 60.0))} minutes, on {Day(lastSession.StartedAt)}. Your notes stay private.",
                sessionCount, firstSession),
            [SharingCategories.Questionnaires] = new(questionnaire, responses.Count, responses.Min(r => r.CompletedAt)),
        };
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77].TrimEnd() + "…";
}
