using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Serialization;
using InnerAlly.Features.Writing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnerAlly.Features.Journal;

/// <summary>The journal API: /api/v1/journal-entries, each person's own only.</summary>
public static class JournalEndpoints
{
    public const string Path = "/api/v1/journal-entries";

    public static RouteGroupBuilder MapJournal(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi(Path, "Journal");

        group.MapPost("/", WriteAsync)
            .Describe("WriteJournalEntry", "Write a journal entry: {text, prompt?, tags?, checkInId?}. The answer carries what the language engine noticed (analysis) and the risk check's outcome (safety).")
            .ProducesValidationProblem();
        group.MapGet("/", ListAsync)
            .Describe("ListJournalEntries", "Your journal, newest first. q finds entries with every word given (in the text, prompt or tags, ignoring case and accents); tag finds entries with that tag. Pass nextCursor back as cursor for the next page.")
            .ProducesValidationProblem();
        group.MapPost("/search", SearchAsync)
            .WithMetadata(RateLimits.NotAChange)
            .Describe("SearchJournalEntries", "The same search with the words in the body, {q?, tag?, limit?, cursor?}, so they never travel in a URL (which proxies and request logs keep).")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync)
            .Describe("GetJournalEntry", "One of your journal entries.");
        group.MapPut("/{id:guid}", ChangeAsync)
            .Describe("ChangeJournalEntry", "Replace one of your journal entries. If anything sent is wrong, nothing changes.")
            .ProducesValidationProblem();
        group.MapDelete("/{id:guid}", DeleteAsync)
            .Describe("DeleteJournalEntry", "Delete one of your journal entries.");
        return group;
    }

    private static async Task<Results<Created<JournalEntryResponse>, ValidationProblem>> WriteAsync(
        SaveJournalEntry.Request request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, ILoggerFactory loggers,
        WritingFollowUp followUp, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await SaveJournalEntry.HandleAsync(null, request, user.GetUserId(), db, clock, loggers.CreateLogger(typeof(SaveJournalEntry)), cancellationToken);
        if (result is not { Saved: { } entry })
        {
            return TypedResults.ValidationProblem(result.Problems!);
        }

        var after = await followUp.AfterSavingAsync(SaveJournalEntry.Words(entry), http, db, cancellationToken);
        return TypedResults.Created($"{Path}/{entry.Id}", JournalEntryResponse.From(entry, after));
    }

    private static async Task<Results<Ok<JournalEntryResponse>, NotFound, ValidationProblem>> ChangeAsync(
        Guid id, SaveJournalEntry.Request request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, ILoggerFactory loggers,
        WritingFollowUp followUp, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await SaveJournalEntry.HandleAsync(id, request, user.GetUserId(), db, clock, loggers.CreateLogger(typeof(SaveJournalEntry)), cancellationToken);
        return result switch
        {
            { Problems: { } problems } => TypedResults.ValidationProblem(problems),
            { Saved: { } entry } => TypedResults.Ok(JournalEntryResponse.From(entry, await followUp.AfterSavingAsync(SaveJournalEntry.Words(entry), http, db, cancellationToken))),
            _ => TypedResults.NotFound(),
        };
    }

    /// <summary>The list's query strings: a page, and what to search for.</summary>
    public sealed class SearchParameters : PageRequest
    {
        /// <summary>Words to find, up to 200 characters.</summary>
        [StringLength(ListJournalEntries.SearchMaxLength, ErrorMessage = ListJournalEntries.SearchTooLong)]
        public string? Q { get; set; }

        /// <summary>A tag to find.</summary>
        [StringLength(JournalEntry.TagMaxLength, ErrorMessage = JournalTags.TooLongTag)]
        public string? Tag { get; set; }
    }

    /// <summary>A search sent in the body. Fields not listed here are refused.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed class SearchRequest
    {
        /// <summary>Words to find, up to 200 characters.</summary>
        [StringLength(ListJournalEntries.SearchMaxLength, ErrorMessage = ListJournalEntries.SearchTooLong)]
        public string? Q { get; set; }

        /// <summary>A tag to find.</summary>
        [StringLength(JournalEntry.TagMaxLength, ErrorMessage = JournalTags.TooLongTag)]
        public string? Tag { get; set; }

        /// <summary>Items per page, 1 to 200 (50 if not given).</summary>
        [PageLimit]
        public int? Limit { get; set; }

        /// <summary>nextCursor from the previous page.</summary>
        [PageCursor]
        public string? Cursor { get; set; }
    }

    private static Task<Ok<PageResponse<JournalEntryResponse>>> ListAsync(
        [AsParameters] SearchParameters parameters, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        FindAsync(parameters, parameters.Q, parameters.Tag, user, db, cancellationToken);

    private static Task<Ok<PageResponse<JournalEntryResponse>>> SearchAsync(
        SearchRequest request, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        FindAsync(new() { Limit = request.Limit?.ToString(CultureInfo.InvariantCulture), Cursor = request.Cursor }, request.Q, request.Tag, user, db, cancellationToken);

    private static async Task<Ok<PageResponse<JournalEntryResponse>>> FindAsync(
        PageRequest page, string? q, string? tag, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await ListJournalEntries.HandleAsync(user.GetUserId(), page.Size, page.After, q, tag, db, cancellationToken)).Respond(e => JournalEntryResponse.From(e)));

    private static async Task<Results<Ok<JournalEntryResponse>, NotFound>> GetAsync(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await db.JournalEntries.FindOwnedAsync(id, user.GetUserId(), cancellationToken) is { } entry ? TypedResults.Ok(JournalEntryResponse.From(entry)) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await db.JournalEntries.DeleteOwnedAsync(db, id, user.GetUserId(), cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
