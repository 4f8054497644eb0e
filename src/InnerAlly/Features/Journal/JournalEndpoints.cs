using System.Security.Claims;
using InnerAlly.Data;
using InnerAlly.Features.Writing;
using InnerAlly.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Api = InnerAlly.Features.Writing.WritingEndpoints<InnerAlly.Features.Journal.JournalEntries, InnerAlly.Features.Journal.JournalEntry, InnerAlly.Features.Journal.JournalEntries.Request, InnerAlly.Features.Journal.JournalEntries.Response>;

namespace InnerAlly.Features.Journal;

/// <summary>The journal API: /api/v1/journal-entries, each person's own only.</summary>
public static class JournalEndpoints
{
    public static RouteGroupBuilder MapJournal(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(JournalEntries.Kind.ApiPath)
            .WithTags("Journal")
            .RequireAuthorization(HostingExtensions.ApiPolicy);

        group.MapPost("/", Api.CreateAsync)
            .WithName("WriteJournalEntry")
            .WithSummary("Write a journal entry: {text, prompt?, tags?, checkInId?}. The answer carries what the language engine noticed (analysis) and the risk check's outcome (safety).")
            .ProducesValidationProblem();
        group.MapGet("/", ListAsync)
            .WithName("ListJournalEntries")
            .WithSummary("Your journal, newest first. q finds entries with every word given (in the text, prompt or tags, ignoring case and accents); tag finds entries with that tag. Pass nextCursor back as cursor for the next page.")
            .ProducesValidationProblem()
            .DisableValidation(); // its query strings are checked by hand, field by field
        group.MapPost("/search", SearchAsync)
            .WithMetadata(RateLimits.NotAChange)
            .WithName("SearchJournalEntries")
            .WithSummary("The same search with the words in the body, {q?, tag?, limit?, cursor?}, so they never travel in a URL (which proxies and request logs keep).")
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", Api.GetAsync)
            .WithName("GetJournalEntry")
            .WithSummary("One of your journal entries.");
        group.MapPut("/{id:guid}", Api.UpdateAsync)
            .WithName("ChangeJournalEntry")
            .WithSummary("Replace one of your journal entries. If anything sent is wrong, nothing changes.")
            .ProducesValidationProblem();
        group.MapDelete("/{id:guid}", Api.DeleteAsync)
            .WithName("DeleteJournalEntry")
            .WithSummary("Delete one of your journal entries.");
        return group;
    }

    /// <param name="Q">Words to find, up to 200 characters.</param>
    /// <param name="Tag">A tag to find.</param>
    /// <param name="Limit">Items per page, 1 to 200 (50 if not given).</param>
    /// <param name="Cursor">nextCursor from the previous page.</param>
    public sealed record SearchParameters(string? Q, string? Tag, string? Limit, string? Cursor);

    /// <summary>A search sent in the body. Fields not listed here are refused.</summary>
    [System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
    public sealed class SearchRequest
    {
        /// <summary>Words to find, up to 200 characters.</summary>
        public string? Q { get; set; }

        /// <summary>A tag to find.</summary>
        public string? Tag { get; set; }

        /// <summary>Items per page, 1 to 200 (50 if not given).</summary>
        public int? Limit { get; set; }

        /// <summary>nextCursor from the previous page.</summary>
        public string? Cursor { get; set; }
    }

    private static Task<Results<Ok<WritingList<JournalEntries.Response>>, ValidationProblem>> ListAsync(
        [AsParameters] SearchParameters parameters, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        FindAsync(parameters.Q, parameters.Tag, parameters.Limit, parameters.Cursor, user, db, cancellationToken);

    private static Task<Results<Ok<WritingList<JournalEntries.Response>>, ValidationProblem>> SearchAsync(
        SearchRequest request, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        FindAsync(request.Q, request.Tag, request.Limit?.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Cursor, user, db, cancellationToken);

    private static Task<Results<Ok<WritingList<JournalEntries.Response>>, ValidationProblem>> FindAsync(
        string? q, string? tag, string? limit, string? cursor, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (q is { Length: > JournalEntries.SearchMaxLength })
        {
            errors["q"] = [$"q can be up to {JournalEntries.SearchMaxLength} characters."];
        }

        if (tag is { Length: > JournalEntry.TagMaxLength })
        {
            errors["tag"] = [JournalTags.TooLongTag];
        }

        return Api.PageAsync(new(limit, cursor), JournalEntries.Matcher(q, tag), errors, user, db, cancellationToken);
    }
}
