namespace InnerAlly.Features.Writing;

/// <summary>
/// What the writing pages share: the signed-in person, their time zone, and drafts. While someone
/// writes, drafts.js keeps a copy of the form in this browser under <see cref="DraftKey"/>, so words
/// survive a dropped connection; the page after a successful save tells the browser to let it go.
/// </summary>
public abstract class WritingPageModel(AppDbContext db) : PageModel
{
    /// <summary>TempData: the draft the next page may clear, because what it held is saved.</summary>
    public const string DraftSavedKey = "DraftSaved";

    public const string SavedKey = "Saved";

    protected AppDbContext Db { get; } = db;

    protected Guid UserId => User.GetUserId();

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Where this form's draft is kept in the browser: the person, the kind, and the item or "new".</summary>
    public string DraftKey(string kind, Guid? id) => $"{UserId:N}:{kind}:{(id is { } i ? i.ToString("N") : "new")}";

    protected async Task LoadZoneAsync(CancellationToken cancellationToken) =>
        Zone = await PersonalTime.ZoneForAsync(UserId, Db, cancellationToken);

    public string When(DateTime utc) => PersonalTime.Format(utc, Zone);

    public string WhenShort(DateTime utc) => PersonalTime.FormatShort(utc, Zone);

    /// <summary>After a save: the next page says so once and lets the browser's draft go.</summary>
    protected void MarkSaved(string draftKey)
    {
        TempData[SavedKey] = true;
        TempData[DraftSavedKey] = draftKey;
    }

    public bool JustSaved { get; private set; }

    protected void ReadSaved() => JustSaved = TempData[SavedKey] is true;

    /// <summary>
    /// After a save from a page: the browser's draft may go, the next page says "saved" once, the
    /// words are checked for risk (the support notice rides along to the next page), and the person
    /// goes on to <paramref name="next"/>.
    /// </summary>
    protected async Task<IActionResult> AfterSavingAsync(SavedWords words, string draftKey, string next, WritingFollowUp followUp, CancellationToken cancellationToken)
    {
        MarkSaved(draftKey);
        await followUp.AfterSavingAsync(words, TempData, HttpContext, Db, cancellationToken);
        return Redirect(next);
    }

    /// <summary>The first message for a form field, or null.</summary>
    public string? ErrorFor(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;
}

/// <summary>A kind's list page: the person's own items, newest first, 20 at a time, through the kind's own list use case (which the API calls too).</summary>
public abstract class WritingListPageModel<T>(
    AppDbContext db, string listPath, Func<Guid, int, ListCursor?, AppDbContext, CancellationToken, Task<Page<T>>> list) : WritingPageModel(db)
{
    public const int PageSize = 20;

    public Page<T> Items { get; private set; } = new([], null);

    public bool IsFirstPage { get; private set; }

    public bool JustDeleted { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? after, CancellationToken cancellationToken)
    {
        if (!ListCursor.TryParse(after, out var cursor))
        {
            return Redirect(listPath);
        }

        await LoadZoneAsync(cancellationToken);
        IsFirstPage = cursor is null;
        JustDeleted = TempData["Deleted"] is true;
        Items = await list(UserId, PageSize, cursor, Db, cancellationToken);
        return Page();
    }
}
