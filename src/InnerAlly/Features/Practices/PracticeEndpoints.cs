using InnerAlly.Language;

namespace InnerAlly.Features.Practices;

/// <summary>The practice library, and each person's own sessions: /api/v1/practices, /practice-sessions, /practice-insights.</summary>
public static class PracticeEndpoints
{
    public static IEndpointRouteBuilder MapPractices(this IEndpointRouteBuilder app)
    {
        var library = app.MapApi("/api/v1/practices", "Practices");
        library.MapGet("/", ListPractices).WithName("ListPractices");
        library.MapGet("/{id}", GetPractice).WithName("GetPractice");

        var sessions = app.MapApi("/api/v1/practice-sessions", "Practices");
        sessions.MapPost("/", RecordAsync).WithName("RecordPracticeSession").ProducesValidationProblem();
        sessions.MapGet("/", ListAsync).WithName("ListPracticeSessions").ProducesValidationProblem();
        sessions.MapGet("/{id:guid}", GetSessionAsync).WithName("GetPracticeSession");

        app.MapApi("/api/v1/practice-insights", "Practices").MapGet("/", InsightsAsync).WithName("PracticeInsights");

        return app;
    }

    public sealed record PracticeSummary(string Id, string Title, string Summary, IReadOnlyList<string> Systems, string Kind, IReadOnlyList<int> Lengths)
    {
        public static PracticeSummary From(Practice p) => new(p.Id, p.Title, p.Summary, p.Systems, p.Kind, p.Lengths);
    }

    public sealed record LibraryResponse(IReadOnlyList<PracticeSummary> Items);

    /// <summary>The practice library: what each practice is for, which systems it works with, and its lengths in minutes.</summary>
    public static Ok<LibraryResponse> ListPractices(PracticeCatalog practices) => TypedResults.Ok(new LibraryResponse([.. practices.All.Select(PracticeSummary.From)]));

    public sealed record StepResponse(string Text, int DurationSeconds);

    public sealed record LengthResponse(int Minutes, IReadOnlyList<StepResponse> Steps);

    public sealed record PracticeResponse(
        string Id,
        string Title,
        string Summary,
        IReadOnlyList<string> Systems,
        string Kind,
        string Purpose,
        string WhenToUse,
        string WhenHard,
        IReadOnlyList<int> Lengths,
        int DefaultLength,
        IReadOnlyList<StepResponse> Steps,
        IReadOnlyList<LengthResponse> Versions);

    /// <summary>One practice with its script: every length's steps, each with its text and seconds.</summary>
    /// <param name="minutes">Which length's steps to put in <c>steps</c> (the practice's default if not given).</param>
    public static Results<Ok<PracticeResponse>, NotFound, ValidationProblem> GetPractice(string id, int? minutes, PracticeCatalog practices)
    {
        if (practices.Find(id) is not { } practice)
        {
            return TypedResults.NotFound();
        }

        var length = minutes ?? practice.DefaultLength;
        if (!practice.Lengths.Contains(length))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["minutes"] = [$"This practice comes in {string.Join(", ", practice.Lengths)} minutes."],
            });
        }

        static IReadOnlyList<StepResponse> Steps(Practice p, int m) => [.. p.StepsFor(m).Select(s => new StepResponse(s.Text, s.Seconds))];
        return TypedResults.Ok(new PracticeResponse(
            practice.Id, practice.Title, practice.Summary, practice.Systems, practice.Kind, practice.Purpose, practice.WhenToUse, practice.WhenHard,
            practice.Lengths, practice.DefaultLength, Steps(practice, length),
            [.. practice.Lengths.Select(m => new LengthResponse(m, Steps(practice, m)))]));
    }

    /// <summary>Log a practice session, with optional threat and soothe ratings before and after and an optional note.</summary>
    public static async Task<Created<PracticeHistory.SessionResponse>> RecordAsync(
        RecordPracticeSession.Request request, ClaimsPrincipal user, AppDbContext db, PracticeCatalog practices, TimeProvider clock, ILoggerFactory loggers,
        SafetyFollowUp safety, HttpContext http, CancellationToken cancellationToken)
    {
        var session = await RecordPracticeSession.HandleAsync(
            request, user.GetUserId(), db, practices, clock, loggers.CreateLogger(typeof(RecordPracticeSession)), cancellationToken);
        var notice = await safety.AfterSavingAsync(session.Note, TextSetting.PracticeNote, http, db, cancellationToken);
        return TypedResults.Created($"/api/v1/practice-sessions/{session.Id}", PracticeHistory.ToResponse(session, practices) with { Safety = notice });
    }

    /// <summary>A page of sessions, and the time to keep before.</summary>
    public sealed class ListParameters : PageRequest
    {
        /// <summary>Only sessions that started before this time, ISO 8601.</summary>
        [IsoTime(ErrorMessage = "before is a time in ISO 8601 form, for example 2026-11-25T18:30:00Z.")]
        public string? Before { get; set; }
    }

    /// <summary>Your practice sessions, newest first. Pass nextCursor back as cursor for the next page; before keeps to sessions that started earlier.</summary>
    public static async Task<Ok<PageResponse<PracticeHistory.SessionResponse>>> ListAsync(
        [AsParameters] ListParameters parameters, ClaimsPrincipal user, AppDbContext db, PracticeCatalog practices, CancellationToken cancellationToken) =>
        TypedResults.Ok((await ListPracticeSessions.HandleAsync(user.GetUserId(), parameters.Size, parameters.After, IsoTimeAttribute.Parse(parameters.Before), db, practices, cancellationToken)).Respond(s => s));

    /// <summary>One of your practice sessions.</summary>
    public static async Task<Results<Ok<PracticeHistory.SessionResponse>, NotFound>> GetSessionAsync(
        Guid id, ClaimsPrincipal user, AppDbContext db, PracticeCatalog practices, CancellationToken cancellationToken) =>
        await PracticeHistory.FindAsync(id, user.GetUserId(), db, practices, cancellationToken) is { } session
            ? TypedResults.Ok(session)
            : TypedResults.NotFound();

    public sealed record InsightsResponse(IReadOnlyList<PracticeHistory.Insight> Items, int MinimumRatedSessions, PracticeHistory.Month ThisMonth);

    /// <summary>Per practice: your sessions and the average change in soothe and threat from before to after (after 3 rated sessions), and this month's minutes and days.</summary>
    public static async Task<Ok<InsightsResponse>> InsightsAsync(ClaimsPrincipal user, AppDbContext db, PracticeCatalog practices, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var zone = await PersonalTime.ZoneForAsync(userId, db, cancellationToken);
        var insights = await PracticeHistory.InsightsAsync(userId, db, practices, cancellationToken);
        var month = await PracticeHistory.ThisMonthAsync(userId, zone, db, clock, cancellationToken);
        return TypedResults.Ok(new InsightsResponse(insights, PracticeHistory.InsightMinimum, month));
    }
}
