using InnerAlly.Features.Writing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnerAlly.Features.Letters;

/// <summary>The letters API: /api/v1/letters, each person's own only.</summary>
public static class LetterEndpoints
{
    public const string Path = "/api/v1/letters";

    public static RouteGroupBuilder MapLetters(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi(Path, "Letters");

        group.MapPost("/", WriteAsync)
            .Describe("WriteLetter", "Write a compassionate letter: {parts: {acknowledge, understand, commonHumanity, noBlame, whatWouldHelp, encouragement, close}, status: \"draft\" or \"done\", variation: \"to-yourself\" (the default), \"from-compassionate-other\", \"to-younger-self\" or \"to-the-critic\"}. At least one part needs some text. The answer carries what the language engine noticed (analysis) and the risk check's outcome (safety).")
            .ProducesValidationProblem();
        group.MapGet("/", ListAsync)
            .Describe("ListLetters", "Your letters, newest first. Pass nextCursor back as cursor for the next page.")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync)
            .Describe("GetLetter", "One of your letters.");
        group.MapPut("/{id:guid}", ChangeAsync)
            .Describe("ChangeLetter", "Replace one of your letters. If anything sent is wrong, nothing changes.")
            .ProducesValidationProblem();
        group.MapDelete("/{id:guid}", DeleteAsync)
            .Describe("DeleteLetter", "Delete one of your letters. Ally cards kept from it stay.");
        return group;
    }

    private static async Task<Created<LetterResponse>> WriteAsync(
        SaveLetter.Request request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, ILoggerFactory loggers,
        WritingFollowUp followUp, HttpContext http, CancellationToken cancellationToken)
    {
        var letter = await SaveLetter.HandleAsync(null, request, user.GetUserId(), db, clock, loggers.CreateLogger(typeof(SaveLetter)), cancellationToken)
            ?? throw new InvalidOperationException("A new letter is always written.");
        var after = await followUp.AfterSavingAsync(SaveLetter.Words(letter), http, db, cancellationToken);
        return TypedResults.Created($"{Path}/{letter.Id}", LetterResponse.From(letter, after));
    }

    private static async Task<Results<Ok<LetterResponse>, NotFound>> ChangeAsync(
        Guid id, SaveLetter.Request request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, ILoggerFactory loggers,
        WritingFollowUp followUp, HttpContext http, CancellationToken cancellationToken) =>
        await SaveLetter.HandleAsync(id, request, user.GetUserId(), db, clock, loggers.CreateLogger(typeof(SaveLetter)), cancellationToken) is { } letter
            ? TypedResults.Ok(LetterResponse.From(letter, await followUp.AfterSavingAsync(SaveLetter.Words(letter), http, db, cancellationToken)))
            : TypedResults.NotFound();

    private static async Task<Ok<PageResponse<LetterResponse>>> ListAsync(
        [AsParameters] PageRequest page, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await ListLetters.HandleAsync(user.GetUserId(), page.Size, page.After, db, cancellationToken)).Respond(l => LetterResponse.From(l)));

    private static async Task<Results<Ok<LetterResponse>, NotFound>> GetAsync(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await db.Letters.FindOwnedAsync(id, user.GetUserId(), cancellationToken) is { } letter ? TypedResults.Ok(LetterResponse.From(letter)) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await db.Letters.DeleteOwnedAsync(db, id, user.GetUserId(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
