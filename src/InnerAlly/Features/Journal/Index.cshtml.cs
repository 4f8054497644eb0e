namespace InnerAlly.Features.Journal;

/// <summary>
/// The journal: the newest entries a page at a time, and search by words and by tag. A search is
/// sent as a form post, so the words never sit in an address (browser history, proxies, logs).
/// </summary>
public sealed class IndexModel(AppDbContext db) : WritingPageModel(db)
{
    public const int PageSize = 20;

    [BindProperty]
    public string? Q { get; set; }

    [BindProperty]
    public string? Tag { get; set; }

    /// <summary>Where the previous page of results ended.</summary>
    [BindProperty]
    public string? After { get; set; }

    public Page<JournalEntry> Entries { get; private set; } = new([], null);

    public IReadOnlyList<(string Tag, int Entries)> Tags { get; private set; } = [];

    public bool Searching => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(Tag);

    public bool IsFirstPage { get; private set; }

    public bool JustDeleted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? after, CancellationToken cancellationToken)
    {
        if (!ListCursor.TryParse(after, out var cursor))
        {
            return Redirect("/journal");
        }

        JustDeleted = TempData["Deleted"] is true;
        await LoadAsync(cursor, null, null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Q is { Length: > ListJournalEntries.SearchMaxLength })
        {
            ModelState.AddModelError(nameof(Q), "Search for up to 200 characters at a time.");
        }

        if (!ListCursor.TryParse(After, out var cursor) || !ModelState.IsValid)
        {
            await LoadAsync(null, null, null, cancellationToken);
            return Page();
        }

        await LoadAsync(cursor, Q, Tag, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(ListCursor? cursor, string? words, string? tag, CancellationToken cancellationToken)
    {
        await LoadZoneAsync(cancellationToken);
        IsFirstPage = cursor is null;
        Entries = await ListJournalEntries.HandleAsync(UserId, PageSize, cursor, words, tag, Db, cancellationToken);
        Tags = await ListJournalTags.HandleAsync(UserId, Db, cancellationToken);
    }
}
