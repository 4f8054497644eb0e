namespace InnerAlly.Features.CareTeam;

/// <summary>
/// /care-team/{id}/preview: the client's own look at the therapist's page about them, drawn as the
/// therapist sees it, with what they share now. It is the client reading their own data, so no
/// look is recorded.
/// </summary>
public sealed class PreviewModel(AppDbContext db, CareAccess access, CareContent content, TimeProvider clock) : PageModel
{
    public ShowClient.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await access.OwnAsync(User.GetUserId(), id, HttpContext.RequestAborted) is not { } client)
        {
            return NotFound();
        }

        View = await ShowClient.ReadAsync(client, access, db, content, clock, HttpContext.RequestAborted);
        return Page();
    }
}
