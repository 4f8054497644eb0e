using InnerAlly.Features.Writing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnerAlly.Features.AllyCards;

/// <summary>The ally cards API: /api/v1/ally-cards, each person's own only. Cards are kept or removed, never changed.</summary>
public static class AllyCardEndpoints
{
    public const string Path = "/api/v1/ally-cards";

    public static RouteGroupBuilder MapAllyCards(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi(Path, "Ally cards");

        group.MapPost("/", KeepAsync)
            .Describe("KeepAllyCard", "Keep kind words as an ally card: {text, allyRecordId?, letterId?}. The answer carries what the language engine noticed (analysis) and the risk check's outcome (safety).")
            .ProducesValidationProblem();
        group.MapGet("/", ListAsync)
            .Describe("ListAllyCards", "Your ally cards, newest first. Pass nextCursor back as cursor for the next page.")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync)
            .Describe("GetAllyCard", "One of your ally cards.");
        group.MapDelete("/{id:guid}", RemoveAsync)
            .Describe("RemoveAllyCard", "Remove one of your ally cards.");
        return group;
    }

    private static async Task<Results<Created<AllyCardResponse>, ValidationProblem>> KeepAsync(
        KeepAllyCard.Request request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, ILoggerFactory loggers,
        WritingFollowUp followUp, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await KeepAllyCard.HandleAsync(request, user.GetUserId(), db, clock, loggers.CreateLogger(typeof(KeepAllyCard)), cancellationToken);
        if (result is not { Saved: { } card })
        {
            return TypedResults.ValidationProblem(result.Problems!);
        }

        var after = await followUp.AfterSavingAsync(KeepAllyCard.Words(card), http, db, cancellationToken);
        return TypedResults.Created($"{Path}/{card.Id}", AllyCardResponse.From(card, after));
    }

    private static async Task<Ok<PageResponse<AllyCardResponse>>> ListAsync(
        [AsParameters] PageRequest page, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await ListAllyCards.HandleAsync(user.GetUserId(), page.Size, page.After, db, cancellationToken)).Respond(c => AllyCardResponse.From(c)));

    private static async Task<Results<Ok<AllyCardResponse>, NotFound>> GetAsync(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await db.AllyCards.FindOwnedAsync(id, user.GetUserId(), cancellationToken) is { } card ? TypedResults.Ok(AllyCardResponse.From(card)) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> RemoveAsync(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await db.AllyCards.DeleteOwnedAsync(db, id, user.GetUserId(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
