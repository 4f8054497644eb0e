using InnerAlly.Features.CheckIns;
using InnerAlly.Features.Measures;

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

    /// <summary>A support notice the client asked their therapist to be told of: when, and after what (never the words).</summary>
    public sealed record NoticeRow(DateTime At, string Feature, string After);

    public sealed record LessonRow(string Slug, string Title, DateTime ReadAt);

    public sealed record ReflectionRow(string Slug, string Title, string Question, string Text, DateTime WrittenAt);

    /// <param name="Steps">Each step the client filled in, with its title, in the plan's order.</param>
    public sealed record PlanView(DateTime UpdatedAt, IReadOnlyList<ShowSharedEntry.Section> Steps);

    /// <param name="Trend">Null (with <paramref name="CheckIns"/>) when check-in ratings are not shared.</param>
    /// <param name="Practices">Null when practices are not shared.</param>
    /// <param name="Questionnaires">Null when questionnaires are not shared.</param>
    /// <param name="Writing">For each kind of writing, its shared entries, newest first; null where nothing of that kind is shared.</param>
    /// <param name="SafetyNotices">Null when safety notices are not shared.</param>
    /// <param name="Lessons">Null when lessons read are not shared.</param>
    /// <param name="Reflections">Null when lesson reflections are not shared.</param>
    /// <param name="SafetyPlan">Null when the safety plan is not shared, or there is none (<see cref="CareAccess.Client.Shares"/> tells which).</param>
    public sealed record View(
        CareAccess.Client Client, string ClinicName, TimeZoneInfo Zone, CheckInTrend.Trend? Trend, IReadOnlyList<CheckInRow>? CheckIns,
        IReadOnlyList<PracticeRow>? Practices, IReadOnlyList<QuestionnaireHistory>? Questionnaires,
        IReadOnlyDictionary<string, IReadOnlyList<ShowSharedEntry.Row>?> Writing, IReadOnlyList<NoticeRow>? SafetyNotices,
        IReadOnlyList<LessonRow>? Lessons, IReadOnlyList<ReflectionRow>? Reflections, PlanView? SafetyPlan);

    public const int RecentEntries = 30;

    /// <summary>How a look at this page is recorded (<see cref="CareAccess.Via"/>): the caseload reads "since you last looked" from these.</summary>
    public static readonly string[] Vias = ["GET /caseload/{id:guid}", "GET /api/v1/caseload/{id:guid}"];
    public const int RecentNotices = 50;

    /// <summary>The categories this page reads of the client.</summary>
    public static IReadOnlyList<string> Shown(CareAccess.Client client) =>
    [
        .. new[]
        {
            SharingCategories.CheckInRatings, SharingCategories.CheckInNotes, SharingCategories.Practices, SharingCategories.Questionnaires,
            SharingCategories.Lessons, SharingCategories.LessonReflections, SharingCategories.SafetyPlan, SharingCategories.SafetyNotices,
        }.Where(client.Shares),
        .. SharingCategories.Writing.Where(client.ReadsWriting),
    ];

    /// <summary>Null when this is not one of the therapist's active clients (the caller answers 404).</summary>
    public static async Task<View?> HandleAsync(
        Guid therapistUserId, Guid relationshipId, CareAccess access, AppDbContext db, CareContent content, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (await access.ClientAsync(therapistUserId, relationshipId, cancellationToken) is not { } client)
        {
            return null;
        }

        await access.RecordAsync(client, Shown(client), null, http, cancellationToken);
        return await ReadAsync(client, access, db, content, clock, cancellationToken);
    }

    /// <summary>
    /// What the page shows of this client, read through the guarded queries. The caller has found
    /// the client through the rule and recorded the look, or is the client, previewing what their
    /// therapist sees.
    /// </summary>
    public static async Task<View> ReadAsync(CareAccess.Client client, CareAccess access, AppDbContext db, CareContent content, TimeProvider clock, CancellationToken cancellationToken)
    {
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
                p.Id, p.PracticeId, content.Practices.TitleOf(p.PracticeId), p.StartedAt, (int)Math.Round(p.DurationSeconds / 60.0),
                p.ThreatBefore, p.SootheBefore, p.ThreatAfter, p.SootheAfter))];
        }

        IReadOnlyList<QuestionnaireHistory>? questionnaires = null;
        if (client.Shares(SharingCategories.Questionnaires))
        {
            questionnaires = [.. (await access.QuestionnairesAsync(one, cancellationToken))[client.ClientId]
                .GroupBy(r => r.InstrumentCode)
                .Select(g => content.Instruments.Find(g.Key) is { } instrument ? new QuestionnaireHistory(instrument, MeasureHistory.Read(instrument, MeasureHistory.InOrder(g))) : null)
                .OfType<QuestionnaireHistory>()
                .OrderBy(h => h.Instrument.ShortTitle, StringComparer.Ordinal)];
        }

        var writing = new Dictionary<string, IReadOnlyList<ShowSharedEntry.Row>?>(StringComparer.Ordinal);
        foreach (var category in SharingCategories.Writing)
        {
            writing[category] = client.ReadsWriting(category)
                ? [.. (await access.WritingAsync(client, category, RecentEntries, cancellationToken)).Select(e => ShowSharedEntry.RowOf(category, e))]
                : null;
        }

        IReadOnlyList<NoticeRow>? notices = client.Shares(SharingCategories.SafetyNotices)
            ? [.. (await access.SafetyNoticesAsync(one, DateTime.MinValue, cancellationToken))[client.ClientId].Take(RecentNotices)
                .Select(n => new NoticeRow(n.At, n.Feature, SafetyNoticeFeatures.NameOf(n.Feature)))]
            : null;

        IReadOnlyList<LessonRow>? lessons = client.Shares(SharingCategories.Lessons)
            ? [.. (await access.LessonsReadAsync(client, cancellationToken)).Select(l => new LessonRow(l.Slug, content.Lessons.Find(l.Slug)?.Title ?? l.Slug, l.ReadAt))]
            : null;
        IReadOnlyList<ReflectionRow>? reflections = client.Shares(SharingCategories.LessonReflections)
            ? [.. (await access.ReflectionsAsync(client, cancellationToken)).Select(r => new ReflectionRow(
                r.Slug, content.Lessons.Find(r.Slug)?.Title ?? r.Slug, content.Lessons.Find(r.Slug)?.Reflection ?? "", r.Reflection!, r.ReflectionUpdatedAt!.Value))]
            : null;
        var plan = await access.SafetyPlanAsync(client, cancellationToken) is { } written
            ? new PlanView(written.UpdatedAt, [.. content.PlanGuide.Steps.Zip(written.Written.All).Where(x => WritingLimits.HasText(x.Second)).Select(x => new ShowSharedEntry.Section(x.First.Title, x.Second!))])
            : null;

        return new View(client, clinic, zone, trend, checkIns, practices, questionnaires, writing, notices, lessons, reflections, plan);
    }
}
