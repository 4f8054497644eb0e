namespace InnerAlly.Features.AllyCards;

/// <summary>A person's own ally cards, newest first, a page at a time (the deck is the first page).</summary>
public static class ListAllyCards
{
    public static Task<Page<AllyCard>> HandleAsync(Guid userId, int limit, ListCursor? after, AppDbContext db, CancellationToken cancellationToken) =>
        db.AllyCards.PageOwnedAsync(userId, limit, after, null, cancellationToken);

    /// <summary>A few of its words, to recognise it by.</summary>
    public static string Preview(AllyCard card) => WritingKinds.FirstWords(card.Text);
}
