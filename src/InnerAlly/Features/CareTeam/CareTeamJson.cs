using InnerAlly.Features.Measures;

namespace InnerAlly.Features.CareTeam;

/// <summary>The shapes of the care team's API answers that are not a use case's own records.</summary>
public static class CareTeamJson
{
    public sealed record Category(string Key, string Name, string Explanation);

    /// <param name="Categories">What can be shared, each with the sentence that explains it.</param>
    public sealed record InvitationPreview(string TherapistName, string ClinicName, IReadOnlyList<Category> Categories);

    public sealed record CareTeam(IReadOnlyList<ListCareTeam.Therapist> Therapists, IReadOnlyList<Category> Categories);

    public sealed record Looks(IReadOnlyList<ListCareTeam.Look> Items);

    public sealed record MyLooks(IReadOnlyList<ListMyLooks.Look> Items);

    public sealed record Invitations(IReadOnlyList<InviteClient.Open> Items);

    public sealed record Caseload(IReadOnlyList<ShowCaseload.Row> Clients);

    public sealed record CheckInTrend(DateOnly From, DateOnly To, IReadOnlyList<CheckIns.CheckInTrend.Day> Days);

    /// <param name="CheckIns">Null: check-in ratings are not shared. Emotions and notes are null unless check-in notes are shared too.</param>
    /// <param name="Writing">By kind of writing, the shared entries newest first (open each at writing/{entryId}); a kind that is null is not shared.</param>
    /// <param name="SafetyNotices">Null: safety notices are not shared.</param>
    /// <param name="SafetyPlan">Null when the safety plan is not shared or there is none; <paramref name="Shared"/> says which.</param>
    public sealed record Client(
        Guid Id, string ClientName, string ClinicName, DateTime StartedAt, IReadOnlyList<string> Shared,
        CheckInTrend? Trend, IReadOnlyList<ShowClient.CheckInRow>? CheckIns, IReadOnlyList<ShowClient.PracticeRow>? Practices,
        IReadOnlyList<MeasureJson.ResponseBody>? Questionnaires, IReadOnlyDictionary<string, IReadOnlyList<ShowSharedEntry.Row>?> Writing,
        IReadOnlyList<ShowClient.NoticeRow>? SafetyNotices, IReadOnlyList<ShowClient.LessonRow>? Lessons, IReadOnlyList<ShowClient.ReflectionRow>? Reflections,
        ShowClient.PlanView? SafetyPlan);

    /// <param name="Sections">Each part the client filled in, with the heading they saw; a journal entry's text and a letter's paragraphs have none.</param>
    public sealed record Entry(Guid Id, string Category, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<ShowSharedEntry.Section> Sections);

    public static IReadOnlyList<Category> Categories() => [.. SharingCategories.All.Select(c => new Category(c.Key, c.Name, c.Explanation))];

    public static Client From(ShowClient.View view) => new(
        view.Client.Relationship.Id, view.Client.Relationship.ClientName, view.ClinicName, view.Client.Relationship.StartedAt,
        [.. SharingCategories.All.Where(c => view.Client.Shares(c.Key)).Select(c => c.Key)],
        view.Trend is { } t ? new CheckInTrend(t.From, t.To, t.Series) : null,
        view.CheckIns, view.Practices,
        view.Questionnaires?.SelectMany(h => h.Entries.Select(e => MeasureJson.From(h.Instrument, e))).OrderBy(r => r.CompletedAt).ToList(),
        view.Writing, view.SafetyNotices, view.Lessons, view.Reflections, view.SafetyPlan);
}
