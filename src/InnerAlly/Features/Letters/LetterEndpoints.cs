namespace InnerAlly.Features.Letters;

/// <summary>The letters API: /api/v1/letters, each person's own only. Each handler's summary is its OpenAPI summary.</summary>
public static class LetterEndpoints
{
    public const string Path = "/api/v1/letters";

    public static RouteGroupBuilder MapLetters(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi(Path, "Letters");
        group.MapPost("/", WriteAsync).WithName("WriteLetter").ProducesValidationProblem();
        group.MapGet("/", ListAsync).WithName("ListLetters").ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetLetter");
        group.MapPut("/{id:guid}", ChangeAsync).WithName("ChangeLetter").ProducesValidationProblem();
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteLetter");
        return group;
    }

    /// <summary>Write a compassionate letter: {parts: {acknowledge, understand, commonHumanity, noBlame, whatWouldHelp, encouragement, close}, status: "draft" or "done", variation: "to-yourself" (the default), "from-compassionate-other", "to-younger-self" or "to-the-critic"}. At least one part needs some text. The answer carries what the language engine noticed (analysis) and the risk check's outcome (safety).</summary>
    public static async Task<Created<LetterResponse>> WriteAsync(SaveLetter.Request request, LetterVariations variations, [AsParameters] WritingServices services)
    {
        var letter = await SaveLetter.HandleAsync(null, request, services.UserId, services.Db, variations, services.Clock, services.LoggerFor(typeof(SaveLetter)), services.Aborted)
            ?? throw new InvalidOperationException("A new letter is always written.");
        return TypedResults.Created($"{Path}/{letter.Id}", LetterResponse.From(letter, await services.AfterSavingAsync(SaveLetter.Words(letter))));
    }

    /// <summary>Replace one of your letters. If anything sent is wrong, nothing changes.</summary>
    public static async Task<Results<Ok<LetterResponse>, NotFound>> ChangeAsync(Guid id, SaveLetter.Request request, LetterVariations variations, [AsParameters] WritingServices services) =>
        await SaveLetter.HandleAsync(id, request, services.UserId, services.Db, variations, services.Clock, services.LoggerFor(typeof(SaveLetter)), services.Aborted) is { } letter
            ? TypedResults.Ok(LetterResponse.From(letter, await services.AfterSavingAsync(SaveLetter.Words(letter))))
            : TypedResults.NotFound();

    /// <summary>Your letters, newest first. Pass nextCursor back as cursor for the next page.</summary>
    public static async Task<Ok<PageResponse<LetterResponse>>> ListAsync([AsParameters] PageRequest page, [AsParameters] WritingServices services) =>
        TypedResults.Ok((await ListLetters.HandleAsync(services.UserId, page.Size, page.After, services.Db, services.Aborted)).Respond(l => LetterResponse.From(l)));

    /// <summary>One of your letters.</summary>
    public static async Task<Results<Ok<LetterResponse>, NotFound>> GetAsync(Guid id, [AsParameters] WritingServices services) =>
        await services.Db.Letters.FindOwnedAsync(id, services.UserId, services.Aborted) is { } letter ? TypedResults.Ok(LetterResponse.From(letter)) : TypedResults.NotFound();

    /// <summary>Delete one of your letters. Ally cards kept from it stay.</summary>
    public static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, [AsParameters] WritingServices services) =>
        await services.Db.Letters.DeleteOwnedAsync(services.Db, id, services.UserId, services.Aborted) ? TypedResults.NoContent() : TypedResults.NotFound();
}
