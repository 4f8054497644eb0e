using InnerAlly.Features.AllyCards;
using InnerAlly.Features.AllyRecords;
using InnerAlly.Features.CareTeam;
using InnerAlly.Features.CheckIns;
using InnerAlly.Features.Journal;
using InnerAlly.Features.Learn;
using InnerAlly.Features.Letters;
using InnerAlly.Features.Measures;
using InnerAlly.Features.Practices;

namespace InnerAlly.Features.Account;

/// <summary>
/// Everything one person has kept here, opened and in one file: the right of access. Each part uses
/// the shape its own API answers with, so an app that reads one reads the other. Only the person's
/// own rows are read, oldest first; nothing that opens an account (password hash, security stamp,
/// keys, recovery codes, the calendar address's secret) is ever part of it.
/// </summary>
public static partial class PersonalData
{
    public const string ExportPath = "/api/v1/account/export";

    public sealed record Export(
        DateTime ExportedAt,
        AccountBody Account,
        IReadOnlyList<CheckInResponse> CheckIns,
        IReadOnlyList<PracticeHistory.SessionResponse> PracticeSessions,
        IReadOnlyList<ListRhythm.ItemResponse> PracticeRhythm,
        RemindersBody Reminders,
        IReadOnlyList<LessonBody> Lessons,
        SaveSafetyPlan.Response? SafetyPlan,
        IReadOnlyList<MeasureJson.ResponseBody> Questionnaires,
        IReadOnlyList<JournalEntryResponse> JournalEntries,
        IReadOnlyList<AllyRecordResponse> AllyRecords,
        IReadOnlyList<LetterResponse> Letters,
        IReadOnlyList<AllyCardResponse> AllyCards,
        ExportCareTeam.Body CareTeam);

    /// <param name="Created">Null for accounts made before the date was kept.</param>
    /// <param name="Passkeys">Each passkey's name and when it was added; never its key.</param>
    public sealed record AccountBody(
        string? Email, string TimeZone, string? Country, DateTime? Created, bool TwoFactorEnabled, IReadOnlyList<PasskeyBody> Passkeys);

    public sealed record PasskeyBody(string? Name, DateTimeOffset CreatedAt);

    /// <param name="PracticeEmails">Whether emails at the rhythm's times are on.</param>
    /// <param name="CalendarAddressSince">When the secret calendar address was made, if there is one (the address itself stays out of the file).</param>
    public sealed record RemindersBody(bool PracticeEmails, DateTime? CalendarAddressSince, IReadOnlyList<QuestionnaireReminderBody> Questionnaires);

    public sealed record QuestionnaireReminderBody(string Instrument, int EveryWeeks, string Time);

    /// <param name="Title">Null when the lesson is no longer in the course.</param>
    public sealed record LessonBody(string Slug, string? Title, DateTime? ReadAt, LessonEndpoints.ReflectionResponse? Reflection);

    public static string FileName(User user, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"innerally-{TimeZoneInfo.ConvertTime(now, user.TimeZone):yyyy-MM-dd}.json");

    /// <summary>Everything kept for <paramref name="user"/>; health text is opened by the value converters as it is read.</summary>
    public static async Task<Export> ExportAsync(
        User user, UserManager<User> users, AppDbContext db, LessonCatalog lessons, InstrumentCatalog instruments, PracticeCatalog practices, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        var userId = user.Id;
        var passkeys = (await users.GetPasskeysAsync(user)).OrderBy(p => p.CreatedAt).Select(p => new PasskeyBody(p.Name, p.CreatedAt)).ToList();
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.RecordedAt).ToListAsync(cancellationToken);
        var sessions = await db.PracticeSessions.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.StartedAt).ToListAsync(cancellationToken);
        var rhythm = await ListRhythm.HandleAsync(userId, db, cancellationToken);
        var emails = await db.PracticeReminderSubscriptions.AnyAsync(s => s.UserId == userId, cancellationToken);
        var feedSince = await db.CalendarFeeds.Where(f => f.UserId == userId).Select(f => (DateTime?)f.CreatedAt).SingleOrDefaultAsync(cancellationToken);
        var measureReminders = await db.MeasureReminders.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.InstrumentCode).ToListAsync(cancellationToken);
        var lessonStates = await db.LessonStates.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.Slug).ToListAsync(cancellationToken);
        var plan = await db.SafetyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var responses = await db.MeasureResponses.AsNoTracking().Where(r => r.UserId == userId).ToListAsync(cancellationToken);

        Exported(logger, userId);
        return new Export(
            clock.GetUtcNow().UtcDateTime,
            new AccountBody(user.Email, user.TimeZoneId, user.Country, user.CreatedAt == default ? null : user.CreatedAt, user.TwoFactorEnabled, passkeys),
            [.. checkIns.Select(c => CheckInResponse.From(c))],
            [.. sessions.Select(s => PracticeHistory.ToResponse(s, practices))],
            [.. rhythm.Select(i => ListRhythm.ToResponse(i, practices))],
            new RemindersBody(emails, feedSince, [.. measureReminders.Select(r => new QuestionnaireReminderBody(
                r.InstrumentCode, r.EveryWeeks, r.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)))]),
            [.. lessonStates.Select(s => new LessonBody(
                s.Slug,
                lessons.Find(s.Slug)?.Title,
                s.ReadAt,
                s.Reflection is { } text ? new LessonEndpoints.ReflectionResponse(text, s.ReflectionUpdatedAt) : null))],
            plan is null ? null : SaveSafetyPlan.Response.From(plan),
            Questionnaires(responses, instruments),
            await WritingAsync(db.JournalEntries, userId, e => JournalEntryResponse.From(e), cancellationToken),
            await WritingAsync(db.AllyRecords, userId, r => AllyRecordResponse.From(r), cancellationToken),
            await WritingAsync(db.Letters, userId, l => LetterResponse.From(l), cancellationToken),
            await WritingAsync(db.AllyCards, userId, c => AllyCardResponse.From(c), cancellationToken),
            await ExportCareTeam.HandleAsync(userId, db, cancellationToken));
    }

    /// <summary>
    /// Each questionnaire's responses scored as its API shows them; a questionnaire the site no
    /// longer offers still gives back its answers, unscored.
    /// </summary>
    private static List<MeasureJson.ResponseBody> Questionnaires(IReadOnlyList<MeasureResponse> responses, InstrumentCatalog instruments)
    {
        var bodies = new List<MeasureJson.ResponseBody>();
        foreach (var group in responses.GroupBy(r => r.InstrumentCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = MeasureHistory.InOrder(group);
            if (instruments.Find(group.Key) is { } instrument)
            {
                bodies.AddRange(MeasureHistory.Read(instrument, ordered).Select(e => MeasureJson.From(instrument, e)));
            }
            else
            {
                bodies.AddRange(ordered.Select(r => new MeasureJson.ResponseBody(r.Id, r.InstrumentCode, r.Status, r.StartedAt, r.UpdatedAt, r.CompletedAt, r.Answers, null)));
            }
        }

        return bodies;
    }

    private static async Task<IReadOnlyList<TResponse>> WritingAsync<T, TResponse>(DbSet<T> set, Guid userId, Func<T, TResponse> respond, CancellationToken cancellationToken)
        where T : PersonalWriting
    {
        var items = await set.AsNoTracking().Where(x => x.UserId == userId).OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).ToListAsync(cancellationToken);
        return [.. items.Select(respond)];
    }

    [LoggerMessage(EventId = 2081, Level = LogLevel.Information, Message = "{UserId} downloaded their data")]
    private static partial void Exported(ILogger logger, Guid userId);
}
