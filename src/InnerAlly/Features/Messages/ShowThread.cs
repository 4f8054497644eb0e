namespace InnerAlly.Features.Messages;

/// <summary>One thread's messages, oldest first (the latest 200); opening it marks what the other side wrote as read.</summary>
public static class ShowThread
{
    public const int Shown = 200;

    public sealed record Item(Guid Id, string From, bool Mine, string? Text, DateTime SentAt, DateTime? ReadAt, bool Withdrawn, bool CanWithdraw);

    public sealed record View(FindThread.Thread Thread, IReadOnlyList<Item> Messages);

    public static async Task<View> HandleAsync(FindThread.Thread thread, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.RelationshipId == thread.Id)
            .OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id)
            .Take(Shown)
            .ToListAsync(cancellationToken);
        // Read marks are set once, by the reader's opening of the thread, and only on the other side's messages.
        await db.Messages
            .Where(m => m.RelationshipId == thread.Id && m.From == thread.OtherSide && m.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, now), cancellationToken);

        return new View(thread, [.. messages.AsEnumerable().Reverse().Select(m => new Item(
            m.Id,
            m.From,
            m.From == thread.Side,
            m.IsWithdrawn ? null : m.Text,
            m.SentAt,
            m.ReadAt,
            m.IsWithdrawn,
            m.From == thread.Side && thread.IsOpen && m.CanWithdraw(now)))]);
    }
}
