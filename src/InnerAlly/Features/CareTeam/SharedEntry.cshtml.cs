namespace InnerAlly.Features.CareTeam;

/// <summary>/caseload/{id}/writing/{entryId}: one piece of writing a client shares, read-only, the look recorded.</summary>
public sealed class SharedEntryModel(AppDbContext db, CareAccess access, CareContent content) : PageModel
{
    public ShowSharedEntry.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid entryId)
    {
        if (await ShowSharedEntry.HandleAsync(User.GetUserId(), id, entryId, access, db, content, HttpContext, HttpContext.RequestAborted) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public string When(DateTime at) => TimeZoneInfo.ConvertTimeFromUtc(at, View.Zone).ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);
}
