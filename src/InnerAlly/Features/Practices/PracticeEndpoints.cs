using System.Security.Claims;
using InnerAlly.Data;
using InnerAlly.Features.Account;
using InnerAlly.Features.Analysis;
using InnerAlly.Features.Measures;
using InnerAlly.Infrastructure;
using InnerAlly.Language;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnerAlly.Features.Practices;

/// <summary>The practice library, and each person's own sessions: /api/v1/practices, /practice-sessions, /practice-insights.</summary>
public static class PracticeEndpoints
{
    public static IEndpointRouteBuilder MapPractices(this IEndpointRouteBuilder app)
    {
        var library = app.MapGroup("/api/v1/practices")
            .WithTags("Practices")
            .RequireAuthorization(HostingExtensions.ApiPolicy);
        library.MapGet("/", () => TypedResults.Ok(new LibraryResponse([.. PracticeCatalog.All.Select(PracticeSummary.From)])))
            .WithName("ListPractices")
            .WithSummary("The practice library: what each practice is for, which systems it works with, and its lengths in minutes.");
        library.MapGet("/{id}", GetPractice)
            .WithName("GetPractice")
            .WithSummary("One practice with its script: every length's steps, each with its text and seconds.");

        var sessions = app.MapGroup("/api/v1/practice-sessions")
            .WithTags("Practices")
            .RequireAuthorization(HostingExtensions.ApiPolicy);
        sessions.MapPost("/", RecordAsync)
            .WithName("RecordPracticeSession")
            .WithSummary("Log a practice session, with optional threat and soothe ratings before and after and an optional note.")
            .ProducesValidationProblem();
        sessions.MapGet("/", ListAsync)
            .WithName("ListPracticeSessions")
            .WithSummary("Your practice sessions, newest first. Pass nextCursor back as cursor for the next page; before keeps to sessions that started earlier.")
            .ProducesValidationProblem();
        sessions.MapGet("/{id:guid}", GetSessionAsync)
            .WithName("GetPracticeSession")
            .WithSummary("One of your practice sessions.");

        app.MapGroup("/api/v1/practice-insights")
            .WithTags("Practices")
            .RequireAuthorization(HostingExtensions.ApiPolicy)
            .MapGet("/", InsightsAsync)
            .WithName("PracticeInsights")
            .WithSummary("Per practice: your sessions and the average change in soothe and threat from before to after (after 3 rated sessions), and this month's minutes and days.");

        var rhythm = app.MapGroup("/api/v1/practice-rhythm")
            .WithTags("Practices")
            .RequireAuthorization(HostingExtensions.ApiPolicy);
        rhythm.MapGet("/", RhythmAsync)
            .WithName("GetPracticeRhythm")
            .WithSummary("Your weekly rhythm of practices, and your calendar feed's address if you made one.");
        rhythm.MapPost("/", AddRhythmAsync)
            .WithName("AddPracticeRhythmItem")
            .WithSummary("Add a practice to your week: which practice, how many minutes, which days, and a time of day in your time zone.")
            .ProducesValidationProblem();
        rhythm.MapDelete("/{id:guid}", RemoveRhythmAsync)
            .WithName("RemovePracticeRhythmItem")
            .WithSummary("Take a line out of your weekly rhythm.");
        rhythm.MapPut("/email-reminders", SetEmailRemindersAsync)
            .WithName("SetPracticeEmailReminders")
            .WithSummary("Turn email reminders at your rhythm's times on or off. Only where the site sends email (emailAvailable).")
            .ProducesValidationProblem();
        rhythm.MapPost("/calendar-feed", RenewFeedAsync)
            .WithName("RenewCalendarFeed")
            .WithSummary("Make a new secret calendar address for your rhythm; any earlier one stops working.");
        rhythm.MapDelete("/calendar-feed", RevokeFeedAsync)
            .WithName("RevokeCalendarFeed")
            .WithSummary("Turn your calendar address off.");

        // Calendar apps fetch this with no sign-in: the secret in the address is the key.
        app.MapGet("/calendar/{token}.ics", FeedAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    public sealed record PracticeSummary(string Id, string Title, string Summary, IReadOnlyList<string> Systems, string Kind, IReadOnlyList<int> Lengths)
    {
        public static PracticeSummary From(Practice p) => new(p.Id, p.Title, p.Summary, p.Systems, p.Kind, p.Lengths);
    }

    public sealed record LibraryResponse(IReadOnlyList<PracticeSummary> Items);

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

    /// <param name="Minutes">Which length's steps to put in <c>steps</c> (the practice's default if not given).</param>
    private static Results<Ok<PracticeResponse>, NotFound, ValidationProblem> GetPractice(string id, int? minutes)
    {
        if (PracticeCatalog.Find(id) is not { } practice)
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

    private static async Task<Created<PracticeHistory.SessionResponse>> RecordAsync(
        RecordPracticeSession.Request request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, ILoggerFactory loggers,
        SafetyFollowUp safety, HttpContext http, CancellationToken cancellationToken)
    {
        var session = await RecordPracticeSession.HandleAsync(
            request, user.GetUserId(), db, clock, loggers.CreateLogger(typeof(RecordPracticeSession)), cancellationToken);
        var notice = await safety.AfterSavingAsync(session.Note, TextSetting.PracticeNote, http, db, cancellationToken);
        return TypedResults.Created($"/api/v1/practice-sessions/{session.Id}", PracticeHistory.ToResponse(session) with { Safety = notice });
    }

    /// <summary>A page of sessions, and the time to keep before.</summary>
    public sealed class ListParameters : PageRequest
    {
        /// <summary>Only sessions that started before this time, ISO 8601.</summary>
        [IsoTime(ErrorMessage = "before is a time in ISO 8601 form, for example 2026-11-25T18:30:00Z.")]
        public string? Before { get; set; }
    }

    private static async Task<Ok<PageResponse<PracticeHistory.SessionResponse>>> ListAsync(
        [AsParameters] ListParameters parameters, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await ListPracticeSessions.HandleAsync(user.GetUserId(), parameters.Size, parameters.After, IsoTimeAttribute.Parse(parameters.Before), db, cancellationToken)).Respond(s => s));

    private static async Task<Results<Ok<PracticeHistory.SessionResponse>, NotFound>> GetSessionAsync(
        Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await PracticeHistory.FindAsync(id, user.GetUserId(), db, cancellationToken) is { } session
            ? TypedResults.Ok(session)
            : TypedResults.NotFound();

    public sealed record FeedResponse(string Url, DateTime CreatedAt);

    public sealed record RhythmResponse(
        IReadOnlyList<PracticeRhythm.ItemResponse> Items, string TimeZone, FeedResponse? CalendarFeed, bool EmailAvailable, bool EmailReminders);

    public sealed record EmailRemindersRequest(bool? Enabled);

    internal static FeedResponse FeedFor(CalendarFeed feed, HttpRequest request) =>
        new($"{request.Scheme}://{request.Host}{CalendarFeed.PathFor(feed.Token)}", feed.CreatedAt);

    private static async Task<Ok<RhythmResponse>> RhythmAsync(
        ClaimsPrincipal user, HttpRequest request, AppDbContext db, Mailer mailer, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var zone = await PersonalTime.ZoneForAsync(userId, db, cancellationToken);
        var items = await PracticeRhythm.ListAsync(userId, db, cancellationToken);
        var feed = await CalendarFeed.FindForAsync(userId, db, cancellationToken);
        var reminders = await PracticeReminders.IsOnAsync(userId, db, cancellationToken);
        return TypedResults.Ok(new RhythmResponse(
            [.. items.Select(PracticeRhythm.ToResponse)], zone.Id, feed is null ? null : FeedFor(feed, request), mailer.IsConfigured, reminders));
    }

    private static async Task<Results<NoContent, ValidationProblem>> SetEmailRemindersAsync(
        EmailRemindersRequest body, ClaimsPrincipal user, HttpRequest request, AppDbContext db, Mailer mailer, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (body.Enabled is not { } enabled)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["enabled"] = ["enabled is true or false."] });
        }

        if (enabled && !mailer.IsConfigured)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["enabled"] = ["This site does not send email, so reminders can come through the calendar address instead."] });
        }

        await PracticeReminders.SetAsync(enabled, user.GetUserId(), db, clock, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<PracticeRhythm.ItemResponse>, ValidationProblem>> AddRhythmAsync(
        PracticeRhythm.Request body, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (outcome, item) = await PracticeRhythm.AddAsync(body, user.GetUserId(), db, clock, cancellationToken);
        return outcome == PracticeRhythm.AddOutcome.Full
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["practiceId"] = [$"A week can hold up to {PracticeRhythmItem.MaxItems} practices; take one out to add another."],
            })
            : TypedResults.Created($"/api/v1/practice-rhythm/{item!.Id}", PracticeRhythm.ToResponse(item));
    }

    private static async Task<Results<NoContent, NotFound>> RemoveRhythmAsync(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await PracticeRhythm.RemoveAsync(id, user.GetUserId(), db, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Created<FeedResponse>> RenewFeedAsync(
        ClaimsPrincipal user, HttpRequest request, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var feed = await CalendarFeed.RenewAsync(user.GetUserId(), db, clock, cancellationToken);
        return TypedResults.Created("/api/v1/practice-rhythm", FeedFor(feed, request));
    }

    private static async Task<Results<NoContent, NotFound>> RevokeFeedAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await CalendarFeed.RevokeAsync(user.GetUserId(), db, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<ContentHttpResult, NotFound>> FeedAsync(
        string token, HttpRequest request, AppDbContext db, InstrumentCatalog instruments, CancellationToken cancellationToken)
    {
        var site = new Uri($"{request.Scheme}://{request.Host}/");
        return await CalendarFeed.RenderAsync(token, site, db, instruments, cancellationToken) is { } text
            ? TypedResults.Text(text, "text/calendar; charset=utf-8")
            : TypedResults.NotFound();
    }

    public sealed record InsightsResponse(IReadOnlyList<PracticeHistory.Insight> Items, int MinimumRatedSessions, PracticeHistory.Month ThisMonth);

    private static async Task<Ok<InsightsResponse>> InsightsAsync(ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var zone = await PersonalTime.ZoneForAsync(userId, db, cancellationToken);
        var insights = await PracticeHistory.InsightsAsync(userId, db, cancellationToken);
        var month = await PracticeHistory.ThisMonthAsync(userId, zone, db, clock, cancellationToken);
        return TypedResults.Ok(new InsightsResponse(insights, PracticeHistory.InsightMinimum, month));
    }
}
