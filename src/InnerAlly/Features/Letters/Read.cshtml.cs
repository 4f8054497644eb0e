namespace InnerAlly.Features.Letters;

/// <summary>A letter read back, calmly, with the browser's voice if the person wants it.</summary>
public sealed class ReadModel(AppDbContext db) : WritingPageModel(db)
{
    public Letter Letter { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Db.Letters.FindOwnedAsync(id, UserId, cancellationToken) is not { } letter)
        {
            return NotFound();
        }

        Letter = letter;
        await LoadZoneAsync(cancellationToken);
        ReadSaved();
        return Page();
    }
}
