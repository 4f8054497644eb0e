using InnerAlly.Data;
using InnerAlly.Infrastructure;
using InnerAlly.Language;
using Microsoft.EntityFrameworkCore;

namespace InnerAlly.Features.Writing;

/// <summary>What the pages shared by every kind of writing (deleting, for one) need to know of a kind.</summary>
public interface IWritingKind
{
    /// <summary>The first segment of its pages' paths ("journal", "ally-records").</summary>
    string Slug { get; }

    /// <summary>What a person calls one ("journal entry").</summary>
    string Noun { get; }

    /// <summary>Where its list is ("/journal").</summary>
    string ListPath { get; }

    /// <summary>When the person's own item was written and its first words; null when it is not theirs or not there.</summary>
    Task<(DateTime CreatedAt, string Preview)?> DescribeAsync(AppDbContext db, Guid id, Guid userId, CancellationToken cancellationToken);

    /// <summary>False when there is no such item of this person's (the caller answers 404).</summary>
    Task<bool> DeleteAsync(AppDbContext db, Guid id, Guid userId, CancellationToken cancellationToken);
}

/// <summary>
/// One kind of writing: where it lives, how its items are found (only ever the owner's), listed a
/// page at a time and deleted, and which of its words the language engine reads after a save.
/// </summary>
/// <param name="ApiPath">"/api/v1/journal-entries".</param>
/// <param name="Read">The words to analyse, and every word saved (for the risk check).</param>
/// <param name="Preview">A few of its words, to recognise it by.</param>
/// <param name="Setting">Where its words are written, which the risk check reads them for (a kind letter is not a free journal entry).</param>
public sealed record WritingKind<T>(
    string Slug,
    string Noun,
    string ApiPath,
    Func<AppDbContext, DbSet<T>> Set,
    Func<T, (string? Read, string? Everything)> Read,
    Func<T, string> Preview,
    TextSetting Setting) : IWritingKind
    where T : class, IOwnedWriting
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public string ListPath => "/" + Slug;

    public sealed record Page(IReadOnlyList<T> Items, ListCursor? Next);

    /// <summary>The person's own item, untracked; anyone else finds nothing.</summary>
    public Task<T?> FindAsync(AppDbContext db, Guid id, Guid userId, CancellationToken cancellationToken) =>
        Set(db).AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.UserId == userId, cancellationToken);

    /// <summary>The person's own item, tracked for a change.</summary>
    public Task<T?> FindForChangeAsync(AppDbContext db, Guid id, Guid userId, CancellationToken cancellationToken) =>
        Set(db).SingleOrDefaultAsync(x => x.Id == id && x.UserId == userId, cancellationToken);

    /// <summary>How many the person has written.</summary>
    public Task<int> CountAsync(AppDbContext db, Guid userId, CancellationToken cancellationToken) =>
        Set(db).CountAsync(x => x.UserId == userId, cancellationToken);

    /// <summary>
    /// The person's own items, newest first, a page at a time. With <paramref name="keep"/> the
    /// items are opened and filtered here, in memory, as they stream from the database (search
    /// without storing plain text; see docs/journal-search.md); without it the database pages.
    /// </summary>
    public async Task<Page> ListAsync(AppDbContext db, Guid userId, int limit, ListCursor? after, Func<T, bool>? keep, CancellationToken cancellationToken)
    {
        var at = after?.At;
        var afterId = after?.Id ?? Guid.Empty;
        var query = Set(db).AsNoTracking()
            .Where(x => x.UserId == userId && (at == null || x.CreatedAt < at || (x.CreatedAt == at && x.Id.CompareTo(afterId) < 0)))
            .OrderByDescending(x => x.CreatedAt)
            .ThenByDescending(x => x.Id);
        var items = new List<T>(Math.Min(limit, MaxLimit) + 1);
        await foreach (var item in (keep is null ? query.Take(limit + 1) : query).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (keep is null || keep(item))
            {
                items.Add(item);
                if (items.Count > limit)
                {
                    break;
                }
            }
        }

        if (items.Count <= limit)
        {
            return new Page(items, null);
        }

        items.RemoveAt(items.Count - 1);
        return new Page(items, new ListCursor(items[^1].CreatedAt, items[^1].Id));
    }

    public async Task<bool> DeleteAsync(AppDbContext db, Guid id, Guid userId, CancellationToken cancellationToken)
    {
        if (await FindForChangeAsync(db, id, userId, cancellationToken) is not { } item)
        {
            return false;
        }

        Set(db).Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<(DateTime CreatedAt, string Preview)?> DescribeAsync(AppDbContext db, Guid id, Guid userId, CancellationToken cancellationToken) =>
        await FindAsync(db, id, userId, cancellationToken) is { } item ? (item.CreatedAt, Preview(item)) : null;
}

/// <summary>Every kind of writing, for the pages they share.</summary>
public static class WritingKinds
{
    public static IReadOnlyList<IWritingKind> All =>
    [
        Journal.JournalEntries.Kind, AllyRecords.AllyRecordKind.Kind, Letters.LetterKind.Kind, AllyCards.AllyCardKind.Kind,
    ];

    public static IWritingKind? Find(string slug) => All.FirstOrDefault(k => k.Slug == slug);

    /// <summary>The first words of a text, cut at a word near <paramref name="length"/> characters.</summary>
    public static string FirstWords(string? text, int length = 90)
    {
        var flat = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= length)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', length);
        return string.Concat(flat.AsSpan(0, cut > length / 2 ? cut : length), "…");
    }
}

/// <summary>What a save came to: the item, or the problems with what was sent (keyed by field), or nothing found to change.</summary>
public sealed record SaveResult<T>(T? Saved, Dictionary<string, string[]>? Problems)
    where T : class;

public static class SaveResult
{
    public static SaveResult<T> NotFound<T>()
        where T : class => new(null, null);

    public static SaveResult<T> Problem<T>(string field, string message)
        where T : class => new(null, new() { [field] = [message] });
}
