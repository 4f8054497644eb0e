using System.Linq.Expressions;

namespace InnerAlly.Infrastructure;

/// <summary>A page of a newest-first list, and where the next one starts (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, ListCursor? Next);

/// <summary>A page as the API answers it: pass <paramref name="NextCursor"/> back as cursor for the next one.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// The one way every list pages: newest first by time, ties broken by id, each page starting after
/// the last item of the one before (a <see cref="ListCursor"/>), so a page never skips or repeats
/// an item when others are added meanwhile, and the database seeks instead of counting an offset.
/// </summary>
public static class Keyset
{
    /// <summary>Orders newest first by <paramref name="at"/> then <paramref name="id"/>, starting after <paramref name="after"/>.</summary>
    public static IQueryable<T> NewestFirst<T>(this IQueryable<T> items, Expression<Func<T, DateTime>> at, Expression<Func<T, Guid>> id, ListCursor? after)
    {
        if (after is not null)
        {
            // x.At < after.At || (x.At == after.At && x.Id < after.Id), with the cursor read from a
            // closure so EF Core sends it as parameters and reuses one query plan for every page.
            var x = at.Parameters[0];
            var itemAt = at.Body;
            var itemId = new Rebind(id.Parameters[0], x).Visit(id.Body);
            var cursor = Expression.Constant(new Position(after.At, after.Id));
            var afterAt = Expression.Property(cursor, nameof(Position.At));
            var afterId = Expression.Property(cursor, nameof(Position.Id));
            var compare = Expression.Call(itemId, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, afterId);
            var before = Expression.OrElse(
                Expression.LessThan(itemAt, afterAt),
                Expression.AndAlso(Expression.Equal(itemAt, afterAt), Expression.LessThan(compare, Expression.Constant(0))));
            items = items.Where(Expression.Lambda<Func<T, bool>>(before, x));
        }

        return items.OrderByDescending(at).ThenByDescending(id);
    }

    /// <summary>
    /// Reads items in list order until it has <paramref name="limit"/> and one more (to know whether
    /// there is a next page), keeping only those <paramref name="keep"/> accepts when given.
    /// </summary>
    public static async Task<Page<T>> ReadPageAsync<T>(
        this IAsyncEnumerable<T> items, int limit, Func<T, ListCursor> positionOf, Func<T, bool>? keep, CancellationToken cancellationToken)
    {
        var page = new List<T>(Math.Min(limit, PageRequest.MaxLimit) + 1);
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            if (keep is null || keep(item))
            {
                page.Add(item);
                if (page.Count > limit)
                {
                    break;
                }
            }
        }

        if (page.Count <= limit)
        {
            return new Page<T>(page, null);
        }

        page.RemoveAt(page.Count - 1);
        return new Page<T>(page, positionOf(page[^1]));
    }

    /// <summary>The page as the API answers it, each item in its response shape.</summary>
    public static PageResponse<TResponse> Respond<T, TResponse>(this Page<T> page, Func<T, TResponse> respond) =>
        new([.. page.Items.Select(respond)], page.Next?.ToString());

    private sealed record Position(DateTime At, Guid Id);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
