using System.Globalization;
using InnerAlly.Data;
using Microsoft.EntityFrameworkCore;

namespace InnerAlly.Features.CheckIns;

/// <summary>A person's own check-ins, newest first, one page at a time.</summary>
public static class ListCheckIns
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <param name="From">Inclusive lower bound (UTC).</param>
    /// <param name="To">Exclusive upper bound (UTC).</param>
    /// <param name="After">Continue after this position (from a previous page's cursor).</param>
    public sealed record Query(DateTime? From, DateTime? To, int Limit, Cursor? After);

    public sealed record Page(IReadOnlyList<CheckIn> Items, Cursor? Next);

    /// <summary>Where a page ended: the last item's time and id (ids break ties between equal times).</summary>
    public sealed record Cursor(DateTime RecordedAt, Guid Id)
    {
        public override string ToString() =>
            $"{RecordedAt.Ticks.ToString(CultureInfo.InvariantCulture)}.{Id:N}";

        public static bool TryParse(string? text, out Cursor? cursor)
        {
            cursor = null;
            if (string.IsNullOrEmpty(text))
            {
                return true;
            }

            var dot = text.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0
                || !long.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks
                || !Guid.TryParseExact(text.AsSpan(dot + 1), "N", out var id))
            {
                return false;
            }

            cursor = new Cursor(new DateTime(ticks, DateTimeKind.Utc), id);
            return true;
        }
    }

    public static async Task<Page> HandleAsync(Query query, Guid userId, AppDbContext db, CancellationToken cancellationToken)
    {
        var checkIns = db.CheckIns.AsNoTracking().Where(c => c.UserId == userId);
        if (query.From is { } from)
        {
            checkIns = checkIns.Where(c => c.RecordedAt >= from);
        }

        if (query.To is { } to)
        {
            checkIns = checkIns.Where(c => c.RecordedAt < to);
        }

        if (query.After is { } after)
        {
            checkIns = checkIns.Where(c => c.RecordedAt < after.RecordedAt
                || (c.RecordedAt == after.RecordedAt && c.Id.CompareTo(after.Id) < 0));
        }

        var items = await checkIns
            .OrderByDescending(c => c.RecordedAt)
            .ThenByDescending(c => c.Id)
            .Take(query.Limit + 1)
            .ToListAsync(cancellationToken);

        if (items.Count <= query.Limit)
        {
            return new Page(items, null);
        }

        items.RemoveAt(items.Count - 1);
        var last = items[^1];
        return new Page(items, new Cursor(last.RecordedAt, last.Id));
    }
}
