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

    public static async Task<IReadOnlyDictionary<string, Line>> HandleAsync(Guid clientId, AppDbContext db, CareContent content, TimeZoneInfo zone, CancellationToken cancellationToken)
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
        var lessons = await db.LessonStates.AsNoTracking().Where(l => l.UserId == clientId).ToListAsync(cancellationToken);
        var lastLesson = lessons.Where(l => l.ReadAt != null).MaxBy(l => l.ReadAt);
        var lastReflection = lessons.Where(l => l.Reflection != null).MaxBy(l => l.ReflectionUpdatedAt);
        var plan = await db.SafetyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == clientId, cancellationToken);

        string? questionnaire = null;
        if (lastResponse is not null && content.Instruments.Find(lastResponse.InstrumentCode) is { } instrument
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
                    : $"Your latest would show as: {content.Practices.TitleOf(lastSession.PracticeId)}, {Math.Max(1, (int)Math.Round(lastSession.DurationSeconds / 60.0))} minutes, on {Day(lastSession.StartedAt)}. Your notes stay private.",
                sessionCount, firstSession),
            [SharingCategories.Questionnaires] = new(questionnaire, responses.Count, responses.Min(r => r.CompletedAt)),
            [SharingCategories.Journal] = await WritingLineAsync(db.JournalEntries.Where(e => e.UserId == clientId), "journal entry", cancellationToken),
            [SharingCategories.AllyRecords] = await WritingLineAsync(db.AllyRecords.Where(e => e.UserId == clientId), "critic-to-ally record", cancellationToken),
            [SharingCategories.Letters] = await WritingLineAsync(db.Letters.Where(e => e.UserId == clientId && e.Status == Letters.Letter.Done), "letter", cancellationToken),
            [SharingCategories.AllyCards] = await WritingLineAsync(db.AllyCards.Where(e => e.UserId == clientId), "ally card", cancellationToken),
            [SharingCategories.Lessons] = new(
                lastLesson is null ? null : $"Your latest would show as: {content.Lessons.Find(lastLesson.Slug)?.Title ?? lastLesson.Slug}, read on {Day(lastLesson.ReadAt!.Value)}.",
                lessons.Count(l => l.ReadAt != null), lessons.Min(l => l.ReadAt)),
            [SharingCategories.LessonReflections] = new(
                lastReflection is null ? null
                    : $"Your latest would show beside its question: \u201c{Shorten(lastReflection.Reflection!)}\u201d",
                lessons.Count(l => l.Reflection != null), lessons.Min(l => l.ReflectionUpdatedAt)),
            [SharingCategories.SafetyPlan] = new(
                plan is null ? "You have no safety plan yet; once you write one, it would show here as it is." : $"Your plan as it is now, last changed on {Day(plan.UpdatedAt)}.",
                0, null),
            [SharingCategories.SafetyNotices] = new(
                "They would see a line such as \u201cthe support notice appeared on 3 December at 14:05, after a journal entry\u201d, and never your words.", 0, null),
        };

        async Task<Line> WritingLineAsync<T>(IQueryable<T> items, string noun, CancellationToken ct)
            where T : PersonalWriting
        {
            var mine = items.AsNoTracking();
            var last = await mine.OrderByDescending(e => e.CreatedAt).FirstOrDefaultAsync(ct);
            var latest = last is null ? null
                : $"Your latest would show as: a {noun} from {Day(last.CreatedAt)}, beginning \u201c{Shorten(ShowSharedEntry.RowOf("", last).Preview)}\u201d.";
            return new Line(latest, await mine.CountAsync(ct), await mine.MinAsync(e => (DateTime?)e.CreatedAt, ct));
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77].TrimEnd() + "…";
}
