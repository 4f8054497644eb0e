using System.Text.Json.Serialization;

namespace InnerAlly.Features.Journal;

/// <summary>The journal API: /api/v1/journal-entries, each person's own only. Each handler's summary is its OpenAPI summary.</summary>
public static class JournalEndpoints
{
    public const string Path = "/api/v1/journal-entries";

    public static RouteGroupBuilder MapJournal(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi(Path, "Journal");
        group.MapPost("/", WriteAsync).WithName("WriteJournalEntry").ProducesValidationProblem();
        group.MapGet("/", ListAsync).WithName("ListJournalEntries").ProducesValidationProblem();
        group.MapPost("/search", SearchAsync).WithMetadata(RateLimits.NotAChange).WithName("SearchJournalEntries").ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetJournalEntry");
        group.MapPut("/{id:guid}", ChangeAsync).WithName("ChangeJournalEntry").ProducesValidationProblem();
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteJournalEntry");
        return group;
    }

    /// <summary>Write a journal entry: {text, prompt?, tags?, checkInId?}. The answer carries what the language engine noticed (analysis) and the risk check's outcome (safety).</summary>
    public static async Task<Results<Created<JournalEntryResponse>, ValidationProblem>> WriteAsync(SaveJournalEntry.Request request, WritingContent writing, [AsParameters] WritingServices services)
    {
        var result = await SaveJournalEntry.HandleAsync(null, request, services.UserId, services.Db, services.Clock, services.LoggerFor(typeof(SaveJournalEntry)), services.Aborted);
        return result is { Saved: { } entry }
            ? TypedResults.Created($"{Path}/{entry.Id}", JournalEntryResponse.From(entry, await services.AfterSavingAsync(SaveJournalEntry.Words(entry, writing))))
            : TypedResults.ValidationProblem(result.Problems!);
    }

    /// <summary>Replace one of your journal entries. If anything sent is wrong, nothing changes.</summary>
    public static async Task<Results<Ok<JournalEntryResponse>, NotFound, ValidationProblem>> ChangeAsync(
        Guid id, SaveJournalEntry.Request request, WritingContent writing, [AsParameters] WritingServices services) =>
        await SaveJournalEntry.HandleAsync(id, request, services.UserId, services.Db, services.Clock, services.LoggerFor(typeof(SaveJournalEntry)), services.Aborted) switch
        {
            { Problems: { } problems } => TypedResults.ValidationProblem(problems),
            { Saved: { } entry } => TypedResults.Ok(JournalEntryResponse.From(entry, await services.AfterSavingAsync(SaveJournalEntry.Words(entry, writing)))),
            _ => TypedResults.NotFound(),
        };

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

    /// <summary>Your journal, newest first. q finds entries with every word given (in the text, prompt or tags, ignoring case and accents); tag finds entries with that tag. Pass nextCursor back as cursor for the next page.</summary>
    public static Task<Ok<PageResponse<JournalEntryResponse>>> ListAsync([AsParameters] SearchParameters parameters, [AsParameters] WritingServices services) =>
        FindAsync(parameters, parameters.Q, parameters.Tag, services);

    /// <summary>The same search with the words in the body, {q?, tag?, limit?, cursor?}, so they never travel in a URL (which proxies and request logs keep).</summary>
    public static Task<Ok<PageResponse<JournalEntryResponse>>> SearchAsync(SearchRequest request, [AsParameters] WritingServices services) =>
        FindAsync(new() { Limit = request.Limit?.ToString(CultureInfo.InvariantCulture), Cursor = request.Cursor }, request.Q, request.Tag, services);

    private static async Task<Ok<PageResponse<JournalEntryResponse>>> FindAsync(PageRequest page, string? q, string? tag, WritingServices services) =>
        TypedResults.Ok((await ListJournalEntries.HandleAsync(services.UserId, page.Size, page.After, q, tag, services.Db, services.Aborted)).Respond(e => JournalEntryResponse.From(e)));

    /// <summary>One of your journal entries.</summary>
    public static async Task<Results<Ok<JournalEntryResponse>, NotFound>> GetAsync(Guid id, [AsParameters] WritingServices services) =>
        await services.Db.JournalEntries.FindOwnedAsync(id, services.UserId, services.Aborted) is { } entry ? TypedResults.Ok(JournalEntryResponse.From(entry)) : TypedResults.NotFound();

    /// <summary>Delete one of your journal entries.</summary>
    public static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, [AsParameters] WritingServices services) =>
        await services.Db.JournalEntries.DeleteOwnedAsync(services.Db, id, services.UserId, services.Aborted) ? TypedResults.NoContent() : TypedResults.NotFound();
}
