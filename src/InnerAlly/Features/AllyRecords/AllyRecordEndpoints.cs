using InnerAlly.Features.CheckIns;

namespace InnerAlly.Features.AllyRecords;

/// <summary>The critic-to-ally records API: /api/v1/ally-records, each person's own only. Each handler's summary is its OpenAPI summary.</summary>
public static class AllyRecordEndpoints
{
    public const string Path = "/api/v1/ally-records";

    public static RouteGroupBuilder MapAllyRecords(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi(Path, "Critic to ally");
        group.MapPost("/", WriteAsync).WithName("WriteAllyRecord").ProducesValidationProblem();
        group.MapGet("/", ListAsync).WithName("ListAllyRecords").ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetAllyRecord");
        group.MapPut("/{id:guid}", ChangeAsync).WithName("ChangeAllyRecord").ProducesValidationProblem();
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteAllyRecord");
        return group;
    }

    /// <summary>Write a critic-to-ally record. Every field is optional, but at least one text is needed: {situation, criticWords, feelings: {emotions, body}, criticFear, allyWisdom, allyStrength, allyWarmth, action, harshnessBefore, harshnessAfter, beliefBefore, beliefAfter}. The answer carries what the language engine noticed in the critic's words (analysis) and the risk check's outcome (safety).</summary>
    public static async Task<Created<AllyRecordResponse>> WriteAsync(SaveAllyRecord.Request request, EmotionCatalog emotions, [AsParameters] WritingServices services)
    {
        var record = await SaveAllyRecord.HandleAsync(null, request, services.UserId, services.Db, emotions, services.Clock, services.LoggerFor(typeof(SaveAllyRecord)), services.Aborted)
            ?? throw new InvalidOperationException("A new record is always written.");
        return TypedResults.Created($"{Path}/{record.Id}", AllyRecordResponse.From(record, await services.AfterSavingAsync(SaveAllyRecord.Words(record))));
    }

    /// <summary>Replace one of your critic-to-ally records. If anything sent is wrong, nothing changes.</summary>
    public static async Task<Results<Ok<AllyRecordResponse>, NotFound>> ChangeAsync(Guid id, SaveAllyRecord.Request request, EmotionCatalog emotions, [AsParameters] WritingServices services) =>
        await SaveAllyRecord.HandleAsync(id, request, services.UserId, services.Db, emotions, services.Clock, services.LoggerFor(typeof(SaveAllyRecord)), services.Aborted) is { } record
            ? TypedResults.Ok(AllyRecordResponse.From(record, await services.AfterSavingAsync(SaveAllyRecord.Words(record))))
            : TypedResults.NotFound();

    /// <summary>Your critic-to-ally records, newest first. Pass nextCursor back as cursor for the next page.</summary>
    public static async Task<Ok<PageResponse<AllyRecordResponse>>> ListAsync([AsParameters] PageRequest page, [AsParameters] WritingServices services) =>
        TypedResults.Ok((await ListAllyRecords.HandleAsync(services.UserId, page.Size, page.After, services.Db, services.Aborted)).Respond(r => AllyRecordResponse.From(r)));

    /// <summary>One of your critic-to-ally records.</summary>
    public static async Task<Results<Ok<AllyRecordResponse>, NotFound>> GetAsync(Guid id, [AsParameters] WritingServices services) =>
        await services.Db.AllyRecords.FindOwnedAsync(id, services.UserId, services.Aborted) is { } record ? TypedResults.Ok(AllyRecordResponse.From(record)) : TypedResults.NotFound();

    /// <summary>Delete one of your critic-to-ally records. Ally cards kept from it stay.</summary>
    public static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, [AsParameters] WritingServices services) =>
        await services.Db.AllyRecords.DeleteOwnedAsync(services.Db, id, services.UserId, services.Aborted) ? TypedResults.NoContent() : TypedResults.NotFound();
}
