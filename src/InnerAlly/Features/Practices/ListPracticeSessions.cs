namespace InnerAlly.Features.Practices;

/// <summary>A person's own practice sessions, newest first, a page at a time.</summary>
public static class ListPracticeSessions
{
    /// <param name="before">Only sessions that started before this time, when given.</param>
    public static async Task<Page<PracticeHistory.SessionResponse>> HandleAsync(
        Guid userId, int limit, ListCursor? after, DateTime? before, AppDbContext db, PracticeCatalog practices, CancellationToken cancellationToken)
    {
        var page = await db.PracticeSessions.AsNoTracking()
            .Where(s => s.UserId == userId && (before == null || s.StartedAt < before))
            .NewestFirst(s => s.StartedAt, s => s.Id, after)
            .Take(limit + 1)
            .AsAsyncEnumerable()
            .ReadPageAsync(limit, s => new ListCursor(s.StartedAt, s.Id), null, cancellationToken);
        return new([.. page.Items.Select(s => PracticeHistory.ToResponse(s, practices))], page.Next);
    }
}
