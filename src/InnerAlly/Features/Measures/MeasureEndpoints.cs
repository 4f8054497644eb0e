using System.Security.Claims;
using InnerAlly.Data;
using InnerAlly.Features.Account;
using InnerAlly.Features.Practices;
using InnerAlly.Features.Safety;
using InnerAlly.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnerAlly.Features.Measures;

/// <summary>The questionnaires and each person's own responses: /api/v1/instruments.</summary>
public static class MeasureEndpoints
{
    public static RouteGroupBuilder MapMeasures(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/instruments")
            .WithTags("Measures")
            .RequireAuthorization(HostingExtensions.ApiPolicy);

        group.MapGet("/", (InstrumentCatalog catalog) => TypedResults.Ok(new MeasureJson.InstrumentList([.. catalog.All.Select(MeasureJson.Summary)])))
            .WithName("ListInstruments")
            .WithSummary("The questionnaires on offer: code, title, how many items, and the attribution to show.");
        group.MapGet("/{code}", GetInstrument)
            .WithName("GetInstrument")
            .WithSummary("One questionnaire's definition, to render it: stem, options, items in published wording, scoring, bands, licence and citation.");
        group.MapPost("/{code}/responses", RecordAsync)
            .WithName("RecordResponse")
            .WithSummary("Save your answers: {answers: {\"1\": 0, ...}, status: \"complete\" (default) or \"draft\"}. Complete responses come back scored and compared with your first and previous.")
            .ProducesValidationProblem()
            .DisableValidation(); // checked against the instrument's definition, item by item
        group.MapGet("/{code}/responses", ListAsync)
            .WithName("ListResponses")
            .WithSummary("Your responses to this questionnaire, oldest first, each scored with its change; a draft comes last.");
        group.MapGet("/{code}/responses/{id:guid}", GetAsync)
            .WithName("GetResponse")
            .WithSummary("One of your responses.");
        group.MapDelete("/{code}/responses/{id:guid}", DeleteAsync)
            .WithName("DeleteResponse")
            .WithSummary("Delete one of your responses (a draft you no longer want, for example).");
        group.MapGet("/{code}/reminder", GetReminderAsync)
            .WithName("GetMeasureReminder")
            .WithSummary("Your reminder for this questionnaire ({everyWeeks, time}), or 404 when there is none.");
        group.MapPut("/{code}/reminder", SetReminderAsync)
            .WithName("SetMeasureReminder")
            .WithSummary("Be reminded every 1 to 12 weeks, at a time of day in your time zone, through your calendar address (/api/v1/practice-rhythm/calendar-feed).")
            .ProducesValidationProblem()
            .DisableValidation();
        group.MapDelete("/{code}/reminder", RemoveReminderAsync)
            .WithName("RemoveMeasureReminder")
            .WithSummary("Stop the reminder for this questionnaire.");
        return group;
    }

    private static Results<Ok<Instrument>, NotFound> GetInstrument(string code, InstrumentCatalog catalog) =>
        catalog.Find(code) is { } instrument ? TypedResults.Ok(instrument) : TypedResults.NotFound();

    private static async Task<Results<Created<MeasureJson.ResponseBody>, ValidationProblem, NotFound>> RecordAsync(
        string code, RecordResponse.Request request, ClaimsPrincipal user, InstrumentCatalog catalog, AppDbContext db, TimeProvider clock,
        ILoggerFactory loggers, SafetySupport support, HttpContext http, CancellationToken cancellationToken)
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
        var safety = await SafetyAfterSavingAsync(instrument, saved, support, http, db, cancellationToken);
        var entry = (await MeasureHistory.ListAsync(instrument, userId, db, cancellationToken)).Single(e => e.Response.Id == saved.Id);
        return TypedResults.Created($"/api/v1/instruments/{code}/responses/{saved.Id}", MeasureJson.From(instrument, entry, safety));
    }

    /// <summary>The support notice for the first safety item answered above its threshold (PHQ-9 item 9 above "not at all"), or <see cref="SafetyNotice.None"/>.</summary>
    internal static async Task<SafetyNotice> SafetyAfterSavingAsync(
        Instrument instrument, MeasureResponse saved, SafetySupport support, HttpContext http, AppDbContext db, CancellationToken cancellationToken) =>
        ScoreResponse.SafetyTriggered(instrument, saved.Answers) is [var first, ..]
            ? await support.NoticeForAsync(first.Category, http, db, cancellationToken)
            : SafetyNotice.None;

    private static async Task<Results<Ok<MeasureJson.ResponseList>, NotFound>> ListAsync(
        string code, ClaimsPrincipal user, InstrumentCatalog catalog, AppDbContext db, CancellationToken cancellationToken)
    {
        if (catalog.Find(code) is not { } instrument)
        {
            return TypedResults.NotFound();
        }

        var entries = await MeasureHistory.ListAsync(instrument, user.GetUserId(), db, cancellationToken);
        return TypedResults.Ok(new MeasureJson.ResponseList([.. entries.Select(e => MeasureJson.From(instrument, e))]));
    }

    private static async Task<Results<Ok<MeasureJson.ResponseBody>, NotFound>> GetAsync(
        string code, Guid id, ClaimsPrincipal user, InstrumentCatalog catalog, AppDbContext db, CancellationToken cancellationToken) =>
        catalog.Find(code) is { } instrument && await MeasureHistory.FindAsync(instrument, id, user.GetUserId(), db, cancellationToken) is { } entry
            ? TypedResults.Ok(MeasureJson.From(instrument, entry))
            : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(string code, Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await MeasureHistory.DeleteAsync(code, id, user.GetUserId(), db, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public sealed record ReminderBody(int? EveryWeeks, string? Time);

    private static async Task<Results<Ok<ReminderBody>, NotFound>> GetReminderAsync(string code, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await MeasureReminders.FindAsync(code, user.GetUserId(), db, cancellationToken) is { } reminder
            ? TypedResults.Ok(new ReminderBody(reminder.EveryWeeks, reminder.TimeOfDay.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<ReminderBody>, ValidationProblem, NotFound>> SetReminderAsync(
        string code, ReminderBody body, ClaimsPrincipal user, InstrumentCatalog catalog, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (catalog.Find(code) is null)
        {
            return TypedResults.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        if (body.EveryWeeks is not (>= MeasureReminder.MinWeeks and <= MeasureReminder.MaxWeeks))
        {
            errors["everyWeeks"] = [$"everyWeeks is a whole number from {MeasureReminder.MinWeeks} to {MeasureReminder.MaxWeeks}."];
        }

        var time = new TimeOnly(9, 0);
        if (body.Time is not null && !PracticeRhythm.TryParseTime(body.Time, out time))
        {
            errors["time"] = ["Give the time as hours and minutes, for example 09:00 or 18:30."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var reminder = await MeasureReminders.SetAsync(code, body.EveryWeeks!.Value, time, user.GetUserId(), db, clock, cancellationToken);
        return TypedResults.Ok(new ReminderBody(reminder.EveryWeeks, reminder.TimeOfDay.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static async Task<Results<NoContent, NotFound>> RemoveReminderAsync(string code, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await MeasureReminders.RemoveAsync(code, user.GetUserId(), db, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
