namespace InnerAlly.Features.Journal;

/// <summary>Every tag the person has used, most used first, for the journal page's tag list.</summary>
public static class ListJournalTags
{
    public static async Task<IReadOnlyList<(string Tag, int Entries)>> HandleAsync(Guid userId, AppDbContext db, CancellationToken cancellationToken)
    {
        var lists = await db.JournalEntries.AsNoTracking().Where(e => e.UserId == userId).Select(e => e.Tags).ToListAsync(cancellationToken);
        return [.. lists.SelectMany(t => t)
            .GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.First(), g.Count()))
            .OrderByDescending(t => t.Item2)
            .ThenBy(t => t.Item1, StringComparer.OrdinalIgnoreCase)];
    }
}
