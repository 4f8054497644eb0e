namespace InnerAlly.Features.Writing;

/// <summary>
/// The one rule every kind of writing keeps: a person reaches only their own items. Each query here
/// filters by owner inside it, so anyone else's id finds nothing (the caller answers 404).
/// </summary>
public static class OwnedWriting
{
    /// <summary>The person's own item, untracked; anyone else finds nothing.</summary>
    public static Task<T?> FindOwnedAsync<T>(this DbSet<T> items, Guid id, Guid userId, CancellationToken cancellationToken)
        where T : PersonalWriting =>
        items.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.UserId == userId, cancellationToken);

    /// <summary>The person's own item, tracked for a change.</summary>
    public static Task<T?> FindOwnedForChangeAsync<T>(this DbSet<T> items, Guid id, Guid userId, CancellationToken cancellationToken)
        where T : PersonalWriting =>
        items.SingleOrDefaultAsync(x => x.Id == id && x.UserId == userId, cancellationToken);

    /// <summary>False when there is no such item of this person's (the caller answers 404).</summary>
    public static async Task<bool> DeleteOwnedAsync<T>(this DbSet<T> items, AppDbContext db, Guid id, Guid userId, CancellationToken cancellationToken)
        where T : PersonalWriting
    {
        if (await items.FindOwnedForChangeAsync(id, userId, cancellationToken) is not { } item)
        {
            return false;
        }

        items.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The person's own items, newest first, a page at a time. With <paramref name="keep"/> the
    /// items are opened and filtered here, in memory, as they stream from the database (search
    /// without storing plain text; see docs/journal-search.md); without it the database pages.
    /// </summary>
    public static Task<Page<T>> PageOwnedAsync<T>(this DbSet<T> items, Guid userId, int limit, ListCursor? after, Func<T, bool>? keep, CancellationToken cancellationToken)
        where T : PersonalWriting
    {
        var query = items.AsNoTracking().Where(x => x.UserId == userId).NewestFirst(x => x.CreatedAt, x => x.Id, after);
        return (keep is null ? query.Take(limit + 1) : query).AsAsyncEnumerable()
            .ReadPageAsync(limit, x => new ListCursor(x.CreatedAt, x.Id), keep, cancellationToken);
    }
}
