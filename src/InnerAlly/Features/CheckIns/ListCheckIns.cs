using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InnerAlly.Features.CheckIns;

/// <summary>A person's own check-ins, newest first, one page at a time.</summary>
public static class ListCheckIns
{
    /// <param name="From">Inclusive lower bound (UTC).</param>
    /// <param name="To">Exclusive upper bound (UTC).</param>
    /// <param name="After">Continue after this position (from a previous page's cursor).</param>
    public sealed record Query(DateTime? From, DateTime? To, int Limit, ListCursor? After);

    public static Task<Page<CheckInResponse>> HandleAsync(Query query, Guid userId, AppDbContext db, CancellationToken cancellationToken)
    {
        var compiled = Compiled.GetValue(db.Model, static _ => Compile());
        return compiled(db, userId, query.From, query.To, query.After?.At, query.After?.Id ?? Guid.Empty, query.Limit + 1)
            .ReadPageAsync(query.Limit, c => new ListCursor(c.RecordedAt, c.Id), null, cancellationToken);
    }

    /// <summary>
    /// The list is the most read query, so it is compiled once per model (EF Core then skips
    /// building and caching the expression on every request) and reads only the columns it
    /// returns. Absent bounds are null parameters. A compiled query cannot be composed, so the
    /// keyset condition and order of <see cref="Keyset.NewestFirst"/> are written out here.
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<AppDbContext, Guid, DateTime?, DateTime?, DateTime?, Guid, int, IAsyncEnumerable<CheckInResponse>>> Compiled = [];

    private static Func<AppDbContext, Guid, DateTime?, DateTime?, DateTime?, Guid, int, IAsyncEnumerable<CheckInResponse>> Compile() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid userId, DateTime? from, DateTime? to, DateTime? afterAt, Guid afterId, int take) =>
            db.CheckIns.AsNoTracking()
                .Where(c => c.UserId == userId
                    && (from == null || c.RecordedAt >= from)
                    && (to == null || c.RecordedAt < to)
                    && (afterAt == null || c.RecordedAt < afterAt || (c.RecordedAt == afterAt && c.Id.CompareTo(afterId) < 0)))
                .OrderByDescending(c => c.RecordedAt)
                .ThenByDescending(c => c.Id)
                .Take(take)
                .Select(c => new CheckInResponse(c.Id, c.RecordedAt, c.Threat, c.Drive, c.Soothe, c.Emotions, c.Note)));
}
