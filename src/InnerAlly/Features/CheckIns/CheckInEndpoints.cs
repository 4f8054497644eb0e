using InnerAlly.Language;

namespace InnerAlly.Features.CheckIns;

/// <summary>The check-in API: /api/v1/check-ins, each person's own only.</summary>
public static class CheckInEndpoints
{
    public static RouteGroupBuilder MapCheckIns(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/v1/check-ins", "Check-ins");

        group.MapPost("/", RecordAsync).WithName("RecordCheckIn").ProducesValidationProblem();
        group.MapGet("/", ListAsync).WithName("ListCheckIns").ProducesValidationProblem();
        group.MapGet("/trend", TrendAsync).WithName("CheckInTrend").ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetCheckIn");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteCheckIn");
        return group;
    }

    /// <summary>Record a check-in of the three systems.</summary>
    public static async Task<Created<CheckInResponse>> RecordAsync(
        RecordCheckIn.Request request, ClaimsPrincipal user, AppDbContext db, EmotionCatalog emotions, TimeProvider clock, ILoggerFactory loggers,
        SafetyFollowUp safety, HttpContext http, CancellationToken cancellationToken)
    {
        var checkIn = await RecordCheckIn.HandleAsync(request, user.GetUserId(), db, emotions, clock, loggers.CreateLogger(typeof(RecordCheckIn)), cancellationToken);

        // Saved first, exactly as written; then the note's risk check.
        var notice = await safety.AfterSavingAsync(checkIn.Note, TextSetting.CheckInNote, http, db, cancellationToken);
        return TypedResults.Created($"/api/v1/check-ins/{checkIn.Id}", CheckInResponse.From(checkIn, notice));
    }

    public sealed record ListResponse(IReadOnlyList<CheckInResponse> Items, string? NextCursor);

    /// <summary>A page of check-ins, and the times to keep to.</summary>
    public sealed class ListParameters : PageRequest
    {
        /// <summary>Earliest time to include, ISO 8601 (a date means its start, UTC).</summary>
        [IsoTime(ErrorMessage = "from is a date or time in ISO 8601 form, for example 2026-11-25 or 2026-11-25T18:30:00Z.")]
        public string? From { get; set; }

        /// <summary>Time to stop before, ISO 8601.</summary>
        [IsoTime(ErrorMessage = "to is a date or time in ISO 8601 form, for example 2026-11-25 or 2026-11-25T18:30:00Z.")]
        public string? To { get; set; }
    }

    /// <summary>Your check-ins, newest first. Pass nextCursor back as cursor for the next page.</summary>
    public static async Task<Results<Ok<ListResponse>, ValidationProblem>> ListAsync(
        [AsParameters] ListParameters parameters, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        var (from, to) = (IsoTimeAttribute.Parse(parameters.From), IsoTimeAttribute.Parse(parameters.To));
        if (from >= to)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["to must be later than from."] });
        }

        var page = await ListCheckIns.HandleAsync(new ListCheckIns.Query(from, to, parameters.Size, parameters.After), user.GetUserId(), db, cancellationToken);
        return TypedResults.Ok(new ListResponse(page.Items, page.Next?.ToString()));
    }

    public sealed record TrendResponse(
        int Days, DateOnly From, DateOnly To, string TimeZone, int CheckIns, double? Threat, double? Drive, double? Soothe, IReadOnlyList<CheckInTrend.Day> Series);

    /// <summary>Daily averages of the three systems over the last 7, 30 or 90 days, in your time zone.</summary>
    public static async Task<Results<Ok<TrendResponse>, ValidationProblem>> TrendAsync(
        string? days, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var range = 30;
        if (days is not null && (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out range) || !CheckInTrend.Ranges.Contains(range)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = ["days is 7, 30 or 90."] });
        }

        var userId = user.GetUserId();
        var zone = await PersonalTime.ZoneForAsync(userId, db, cancellationToken);
        var trend = await CheckInTrend.HandleAsync(userId, range, zone, db, clock, cancellationToken);
        return TypedResults.Ok(new TrendResponse(
            trend.Days, trend.From, trend.To, zone.Id, trend.CheckIns, Round(trend.Threat), Round(trend.Drive), Round(trend.Soothe),
            [.. trend.Series.Select(d => d with { Threat = Round(d.Threat), Drive = Round(d.Drive), Soothe = Round(d.Soothe) })]));
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;

    /// <summary>One of your check-ins.</summary>
    public static async Task<Results<Ok<CheckInResponse>, NotFound>> GetAsync(
        Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await FindCheckIn.HandleAsync(id, user.GetUserId(), db, cancellationToken) is { } checkIn
            ? TypedResults.Ok(CheckInResponse.From(checkIn))
            : TypedResults.NotFound();

    /// <summary>Delete one of your check-ins.</summary>
    public static async Task<Results<NoContent, NotFound>> DeleteAsync(
        Guid id, ClaimsPrincipal user, AppDbContext db, ILoggerFactory loggers, CancellationToken cancellationToken) =>
        await DeleteCheckIn.HandleAsync(id, user.GetUserId(), db, loggers.CreateLogger(typeof(DeleteCheckIn)), cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
}
