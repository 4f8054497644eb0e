using System.Globalization;
using System.Security.Claims;
using InnerAlly.Data;
using InnerAlly.Features.Account;
using InnerAlly.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnerAlly.Features.Writing;

/// <summary>What a kind of writing gives the shared API handlers: its kind, its save use case and its JSON shape.</summary>
public interface IWritingApi<T, TRequest, TResponse>
    where T : class, IOwnedWriting
    where TRequest : class
{
    static abstract WritingKind<T> Kind { get; }

    /// <summary>Writes a new item (<paramref name="id"/> null) or replaces one of the person's own; nothing changes unless all of it is right.</summary>
    static abstract Task<SaveResult<T>> SaveAsync(Guid? id, TRequest request, Guid userId, AppDbContext db, TimeProvider clock, ILogger logger, CancellationToken cancellationToken);

    /// <param name="after">After a save: what the engine noticed and the risk check's outcome; null on reads.</param>
    static abstract TResponse Respond(T item, AfterSaving? after);
}

/// <summary>
/// The handlers every writing API shares: 201 or 200 with what the engine noticed and the risk
/// check's outcome, 400 naming the field, 404 for anything that is not the caller's own. Each
/// feature maps them in its own route group (so its requests are validated at the edge), for example
/// <c>group.MapPost("/", WritingEndpoints&lt;LetterKind, Letter, LetterKind.Request, LetterKind.Response&gt;.CreateAsync)</c>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types",
    Justification = "Handlers are mapped as method groups of a closed type, so the validation source generator sees each feature's own request type.")]
public static class WritingEndpoints<TApi, T, TRequest, TResponse>
    where TApi : IWritingApi<T, TRequest, TResponse>
    where T : class, IOwnedWriting
    where TRequest : class
{
    public static async Task<Results<Created<TResponse>, ValidationProblem>> CreateAsync(
        TRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, ILoggerFactory loggers,
        WritingFollowUp followUp, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await TApi.SaveAsync(null, request, user.GetUserId(), db, clock, loggers.CreateLogger<TApi>(), cancellationToken);
        if (result is { Problems: { } problems })
        {
            return TypedResults.ValidationProblem(problems);
        }

        var saved = result.Saved ?? throw new InvalidOperationException("A create found nothing to create.");
        var after = await AfterAsync(saved, followUp, http, db, cancellationToken);
        return TypedResults.Created($"{TApi.Kind.ApiPath}/{saved.Id}", TApi.Respond(saved, after));
    }

    public static async Task<Results<Ok<TResponse>, NotFound, ValidationProblem>> UpdateAsync(
        Guid id, TRequest request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, ILoggerFactory loggers,
        WritingFollowUp followUp, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await TApi.SaveAsync(id, request, user.GetUserId(), db, clock, loggers.CreateLogger<TApi>(), cancellationToken);
        if (result is { Problems: { } problems })
        {
            return TypedResults.ValidationProblem(problems);
        }

        return result.Saved is { } saved
            ? TypedResults.Ok(TApi.Respond(saved, await AfterAsync(saved, followUp, http, db, cancellationToken)))
            : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<TResponse>, NotFound>> GetAsync(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await TApi.Kind.FindAsync(db, id, user.GetUserId(), cancellationToken) is { } item ? TypedResults.Ok(TApi.Respond(item, null)) : TypedResults.NotFound();

    public static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await TApi.Kind.DeleteAsync(db, id, user.GetUserId(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static Task<Results<Ok<WritingList<TResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] WritingListParameters parameters, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        PageAsync(parameters, null, [], user, db, cancellationToken);

    /// <summary>A page of the person's own items, <paramref name="keep"/> choosing among them; <paramref name="errors"/> may already name other query strings.</summary>
    public static async Task<Results<Ok<WritingList<TResponse>>, ValidationProblem>> PageAsync(
        WritingListParameters parameters, Func<T, bool>? keep, Dictionary<string, string[]> errors, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        var limit = WritingKind<T>.DefaultLimit;
        if (parameters.Limit is not null
            && (!int.TryParse(parameters.Limit, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > WritingKind<T>.MaxLimit))
        {
            errors["limit"] = [$"limit is a whole number from 1 to {WritingKind<T>.MaxLimit}."];
        }

        if (!ListCursor.TryParse(parameters.Cursor, out var cursor))
        {
            errors["cursor"] = ["cursor is not one this API gave out; pass nextCursor from the previous page exactly."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await TApi.Kind.ListAsync(db, user.GetUserId(), limit, cursor, keep, cancellationToken);
        return TypedResults.Ok(new WritingList<TResponse>([.. page.Items.Select(i => TApi.Respond(i, null))], page.Next?.ToString()));
    }

    private static Task<AfterSaving> AfterAsync(T saved, WritingFollowUp followUp, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        var (read, everything) = TApi.Kind.Read(saved);
        return followUp.AfterSavingAsync(read, everything, TApi.Kind.Setting, http, db, cancellationToken);
    }
}

/// <param name="Limit">Items per page, 1 to 200 (50 if not given).</param>
/// <param name="Cursor">nextCursor from the previous page.</param>
public sealed record WritingListParameters(string? Limit, string? Cursor);

/// <summary>A page of a list, newest first; pass <paramref name="NextCursor"/> back as cursor for the next one.</summary>
public sealed record WritingList<TResponse>(IReadOnlyList<TResponse> Items, string? NextCursor);
