using InnerAlly.Features.CheckIns;
using InnerAlly.Features.Writing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnerAlly.Features.AllyRecords;

/// <summary>The critic-to-ally records API: /api/v1/ally-records, each person's own only.</summary>
public static class AllyRecordEndpoints
{
    public const string Path = "/api/v1/ally-records";

    public static RouteGroupBuilder MapAllyRecords(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi(Path, "Critic to ally");

        group.MapPost("/", WriteAsync)
            .Describe("WriteAllyRecord", "Write a critic-to-ally record. Every field is optional, but at least one text is needed: {situation, criticWords, feelings: {emotions, body}, criticFear, allyWisdom, allyStrength, allyWarmth, action, harshnessBefore, harshnessAfter, beliefBefore, beliefAfter}. The answer carries what the language engine noticed in the critic's words (analysis) and the risk check's outcome (safety).")
            .ProducesValidationProblem();
        group.MapGet("/", ListAsync)
            .Describe("ListAllyRecords", "Your critic-to-ally records, newest first. Pass nextCursor back as cursor for the next page.")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync)
            .Describe("GetAllyRecord", "One of your critic-to-ally records.");
        group.MapPut("/{id:guid}", ChangeAsync)
            .Describe("ChangeAllyRecord", "Replace one of your critic-to-ally records. If anything sent is wrong, nothing changes.")
            .ProducesValidationProblem();
        group.MapDelete("/{id:guid}", DeleteAsync)
            .Describe("DeleteAllyRecord", "Delete one of your critic-to-ally records. Ally cards kept from it stay.");
        return group;
    }

    private static async Task<Created<AllyRecordResponse>> WriteAsync(
        SaveAllyRecord.Request request, ClaimsPrincipal user, AppDbContext db, EmotionCatalog emotions, TimeProvider clock, ILoggerFactory loggers,
        WritingFollowUp followUp, HttpContext http, CancellationToken cancellationToken)
    {
        var record = await SaveAllyRecord.HandleAsync(null, request, user.GetUserId(), db, emotions, clock, loggers.CreateLogger(typeof(SaveAllyRecord)), cancellationToken)
            ?? throw new InvalidOperationException("A new record is always written.");
        var after = await followUp.AfterSavingAsync(SaveAllyRecord.Words(record), http, db, cancellationToken);
        return TypedResults.Created($"{Path}/{record.Id}", AllyRecordResponse.From(record, after));
    }

    private static async Task<Results<Ok<AllyRecordResponse>, NotFound>> ChangeAsync(
        Guid id, SaveAllyRecord.Request request, ClaimsPrincipal user, AppDbContext db, EmotionCatalog emotions, TimeProvider clock, ILoggerFactory loggers,
        WritingFollowUp followUp, HttpContext http, CancellationToken cancellationToken) =>
        await SaveAllyRecord.HandleAsync(id, request, user.GetUserId(), db, emotions, clock, loggers.CreateLogger(typeof(SaveAllyRecord)), cancellationToken) is { } record
            ? TypedResults.Ok(AllyRecordResponse.From(record, await followUp.AfterSavingAsync(SaveAllyRecord.Words(record), http, db, cancellationToken)))
            : TypedResults.NotFound();

    private static async Task<Ok<PageResponse<AllyRecordResponse>>> ListAsync(
        [AsParameters] PageRequest page, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await ListAllyRecords.HandleAsync(user.GetUserId(), page.Size, page.After, db, cancellationToken)).Respond(r => AllyRecordResponse.From(r)));

    private static async Task<Results<Ok<AllyRecordResponse>, NotFound>> GetAsync(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await db.AllyRecords.FindOwnedAsync(id, user.GetUserId(), cancellationToken) is { } record ? TypedResults.Ok(AllyRecordResponse.From(record)) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await db.AllyRecords.DeleteOwnedAsync(db, id, user.GetUserId(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
