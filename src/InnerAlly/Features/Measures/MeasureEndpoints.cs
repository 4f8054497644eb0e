using InnerAlly.Features.Calendar;

namespace InnerAlly.Features.Measures;

/// <summary>The questionnaires and each person's own responses: /api/v1/instruments.</summary>
public static class MeasureEndpoints
{
    public static RouteGroupBuilder MapMeasures(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/v1/instruments", "Measures");

        group.MapGet("/", ListInstruments).WithName("ListInstruments");
        group.MapGet("/{code}", GetInstrument).WithName("GetInstrument");
        group.MapPost("/{code}/responses", RecordAsync)
            .WithName("RecordResponse")
            .ProducesValidationProblem()
            .DisableValidation(); // checked against the instrument's definition, item by item
        group.MapGet("/{code}/responses", ListAsync).WithName("ListResponses");
        group.MapGet("/{code}/responses/{id:guid}", GetAsync).WithName("GetResponse");
        group.MapDelete("/{code}/responses/{id:guid}", DeleteAsync).WithName("DeleteResponse");
        group.MapGet("/{code}/reminder", GetReminderAsync).WithName("GetMeasureReminder");
        group.MapPut("/{code}/reminder", SetReminderAsync).WithName("SetMeasureReminder").ProducesValidationProblem();
        group.MapDelete("/{code}/reminder", RemoveReminderAsync).WithName("RemoveMeasureReminder");
        return group;
    }

    /// <summary>The questionnaires on offer: code, title, how many items, and the attribution to show.</summary>
    public static Ok<MeasureJson.InstrumentList> ListInstruments(InstrumentCatalog catalog) =>
        TypedResults.Ok(new MeasureJson.InstrumentList([.. catalog.All.Select(MeasureJson.Summary)]));

    /// <summary>One questionnaire's definition, to render it: stem, options, items in published wording, scoring, bands, licence and citation.</summary>
    public static Results<Ok<Instrument>, NotFound> GetInstrument(string code, InstrumentCatalog catalog) =>
        catalog.Find(code) is { } instrument ? TypedResults.Ok(instrument) : TypedResults.NotFound();

    /// <summary>Save your answers: {answers: {"1": 0, ...}, status: "complete" (default) or "draft"}. Complete responses come back scored and compared with your first and previous.</summary>
    public static async Task<Results<Created<MeasureJson.ResponseBody>, ValidationProblem, NotFound>> RecordAsync(
        string code, RecordResponse.Request request, ClaimsPrincipal user, InstrumentCatalog catalog, AppDbContext db, TimeProvider clock,
        ILoggerFactory loggers, SafetyFollowUp followUp, HttpContext http, CancellationToken cancellationToken)
    {
        if (catalog.Find(code) is not { } instrument)
        {
            return TypedResults.NotFound();
        }

        if (RecordResponse.Check(instrument, request) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var userId = user.GetUserId();
        var saved = await RecordResponse.HandleAsync(instrument, request, userId, db, clock, loggers.CreateLogger(typeof(RecordResponse)), cancellationToken);

        // Saved first, exactly as given; then an answer that asks about self-harm opens the safety flow.
        var safety = await followUp.ForCategoryAsync(RecordResponse.SafetyCategory(instrument, saved), http, db, cancellationToken);
        var entry = (await MeasureHistory.ListAsync(instrument, userId, db, cancellationToken)).Single(e => e.Response.Id == saved.Id);
        return TypedResults.Created($"/api/v1/instruments/{code}/responses/{saved.Id}", MeasureJson.From(instrument, entry, safety));
    }

    /// <summary>Your responses to this questionnaire, oldest first, each scored with its change; a draft comes last.</summary>
    public static async Task<Results<Ok<MeasureJson.ResponseList>, NotFound>> ListAsync(
        string code, ClaimsPrincipal user, InstrumentCatalog catalog, AppDbContext db, CancellationToken cancellationToken)
    {
        if (catalog.Find(code) is not { } instrument)
        {
            return TypedResults.NotFound();
        }

        var entries = await MeasureHistory.ListAsync(instrument, user.GetUserId(), db, cancellationToken);
        return TypedResults.Ok(new MeasureJson.ResponseList([.. entries.Select(e => MeasureJson.From(instrument, e))]));
    }

    /// <summary>One of your responses.</summary>
    public static async Task<Results<Ok<MeasureJson.ResponseBody>, NotFound>> GetAsync(
        string code, Guid id, ClaimsPrincipal user, InstrumentCatalog catalog, AppDbContext db, CancellationToken cancellationToken) =>
        catalog.Find(code) is { } instrument && await MeasureHistory.FindAsync(instrument, id, user.GetUserId(), db, cancellationToken) is { } entry
            ? TypedResults.Ok(MeasureJson.From(instrument, entry))
            : TypedResults.NotFound();

    /// <summary>Delete one of your responses (a draft you no longer want, for example).</summary>
    public static async Task<Results<NoContent, NotFound>> DeleteAsync(string code, Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await MeasureHistory.DeleteAsync(code, id, user.GetUserId(), db, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <param name="CalendarFeed">The calendar address the reminder travels in.</param>
    public sealed record ReminderResponse(int EveryWeeks, string Time, CalendarAddress? CalendarFeed)
    {
        public static ReminderResponse From(MeasureReminder reminder, CalendarAddress? feed) =>
            new(reminder.EveryWeeks, CalendarTime.Format(reminder.TimeOfDay), feed);
    }

    /// <summary>Your reminder for this questionnaire ({everyWeeks, time}), or 404 when there is none.</summary>
    public static async Task<Results<Ok<ReminderResponse>, NotFound>> GetReminderAsync(
        string code, ClaimsPrincipal user, HttpRequest request, AppDbContext db, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        return await GetMeasureReminder.HandleAsync(code, userId, db, cancellationToken) is { } reminder
            ? TypedResults.Ok(ReminderResponse.From(reminder, await CalendarAddress.FindAsync(userId, request, db, cancellationToken)))
            : TypedResults.NotFound();
    }

    /// <summary>Be reminded every 1 to 12 weeks, at a time of day in your time zone (09:00 if not given), through your calendar address, which is made for you if you have none.</summary>
    public static async Task<Results<Ok<ReminderResponse>, NotFound>> SetReminderAsync(
        string code, SetMeasureReminder.Request body, ClaimsPrincipal user, HttpRequest request, InstrumentCatalog catalog, AppDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (catalog.Find(code) is not { } instrument)
        {
            return TypedResults.NotFound();
        }

        var (reminder, feed) = await SetMeasureReminder.HandleAsync(instrument, body, user.GetUserId(), db, clock, cancellationToken);
        return TypedResults.Ok(ReminderResponse.From(reminder, CalendarAddress.For(feed, request)));
    }

    /// <summary>Stop the reminder for this questionnaire.</summary>
    public static async Task<Results<NoContent, NotFound>> RemoveReminderAsync(string code, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await RemoveMeasureReminder.HandleAsync(code, user.GetUserId(), db, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
