namespace InnerAlly.Features.AllyCards;

/// <summary>The deck: one card at a time, newest first, and "another card" to turn to the next.</summary>
public sealed class IndexModel(AppDbContext db) : WritingPageModel(db)
{
    /// <summary>The deck holds this many of the newest cards.</summary>
    public const int DeckSize = Infrastructure.PageRequest.MaxLimit;

    public IReadOnlyList<AllyCard> Cards { get; private set; } = [];

    public int Shown { get; private set; }

    public AllyCard? Card => Cards.Count == 0 ? null : Cards[Shown];

    public bool JustRemoved { get; private set; }

    public async Task OnGetAsync(int? card, CancellationToken cancellationToken)
    {
        Cards = (await ListAllyCards.HandleAsync(UserId, DeckSize, null, Db, cancellationToken)).Items;
        Shown = Cards.Count == 0 ? 0 : Math.Abs(card ?? 0) % Cards.Count;
        JustRemoved = TempData["Deleted"] is true;
        await LoadZoneAsync(cancellationToken);
        ReadSaved();
    }
}
