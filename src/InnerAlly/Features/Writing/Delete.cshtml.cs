namespace InnerAlly.Features.Writing;

/// <summary>Deleting one thing a person wrote, of any kind (/journal/{id}/delete, /letters/{id}/delete, ...), after asking once.</summary>
public sealed class DeleteModel(AppDbContext db) : WritingPageModel(db)
{
    public WritingKind Kind { get; private set; } = null!;

    public Guid Id { get; private set; }

    public string Written { get; private set; } = "";

    public string Preview { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string kind, Guid id, CancellationToken cancellationToken)
    {
        if (WritingKinds.Find(kind) is not { } found || await found.DescribeAsync(Db, id, UserId, cancellationToken) is not { } item)
        {
            return NotFound();
        }

        (Kind, Id, Preview) = (found, id, item.Preview);
        await LoadZoneAsync(cancellationToken);
        Written = When(item.CreatedAt);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, Guid id, CancellationToken cancellationToken)
    {
        if (WritingKinds.Find(kind) is not { } found || !await found.DeleteAsync(Db, id, UserId, cancellationToken))
        {
            return NotFound();
        }

        TempData["Deleted"] = true;
        return Redirect(found.ListPath);
    }
}
