namespace InnerAlly.Features.AllyCards;

/// <summary>
/// The ally cards API: /api/v1/ally-cards, each person's own only. Cards are kept or removed,
/// never changed. Each handler's summary is its OpenAPI summary.
/// </summary>
public static class AllyCardEndpoints
{
    public const string Path = "/api/v1/ally-cards";

    public static RouteGroupBuilder MapAllyCards(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi(Path, "Ally cards");
        group.MapPost("/", KeepAsync).WithName("KeepAllyCard").ProducesValidationProblem();
        group.MapGet("/", ListAsync).WithName("ListAllyCards").ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetAllyCard");
        group.MapDelete("/{id:guid}", RemoveAsync).WithName("RemoveAllyCard");
        return group;
    }

    /// <summary>Keep kind words as an ally card: {text, allyRecordId?, letterId?}. The answer carries what the language engine noticed (analysis) and the risk check's outcome (safety).</summary>
    public static async Task<Results<Created<AllyCardResponse>, ValidationProblem>> KeepAsync(KeepAllyCard.Request request, [AsParameters] WritingServices services)
    {
        var result = await KeepAllyCard.HandleAsync(request, services.UserId, services.Db, services.Clock, services.LoggerFor(typeof(KeepAllyCard)), services.Aborted);
        return result is { Saved: { } card }
            ? TypedResults.Created($"{Path}/{card.Id}", AllyCardResponse.From(card, await services.AfterSavingAsync(KeepAllyCard.Words(card))))
            : TypedResults.ValidationProblem(result.Problems!);
    }

    /// <summary>Your ally cards, newest first. Pass nextCursor back as cursor for the next page.</summary>
    public static async Task<Ok<PageResponse<AllyCardResponse>>> ListAsync([AsParameters] PageRequest page, [AsParameters] WritingServices services) =>
        TypedResults.Ok((await ListAllyCards.HandleAsync(services.UserId, page.Size, page.After, services.Db, services.Aborted)).Respond(c => AllyCardResponse.From(c)));

    /// <summary>One of your ally cards.</summary>
    public static async Task<Results<Ok<AllyCardResponse>, NotFound>> GetAsync(Guid id, [AsParameters] WritingServices services) =>
        await services.Db.AllyCards.FindOwnedAsync(id, services.UserId, services.Aborted) is { } card ? TypedResults.Ok(AllyCardResponse.From(card)) : TypedResults.NotFound();

    /// <summary>Remove one of your ally cards.</summary>
    public static async Task<Results<NoContent, NotFound>> RemoveAsync(Guid id, [AsParameters] WritingServices services) =>
        await services.Db.AllyCards.DeleteOwnedAsync(services.Db, id, services.UserId, services.Aborted) ? TypedResults.NoContent() : TypedResults.NotFound();
}
