namespace InnerAlly.Features.Clinics;

/// <summary>/clinic/{slug}/staff: an admin sees the clinic's staff and open invitations, invites, withdraws and deactivates.</summary>
public sealed class StaffModel(AppDbContext db, StaffInvitationMail mail, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InviteStaff.Request Input { get; set; } = new();

    public Clinic Clinic { get; private set; } = null!;

    public ListStaff.Response Staff { get; private set; } = new([], []);

    /// <summary>The invitation just made, with its link: shown this once.</summary>
    public InviteStaff.Response? Invited { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug) => await FindAsync(slug) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(string slug)
    {
        if (!await FindAsync(slug))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Invited = await InviteStaff.HandleAsync(Clinic, Input, User.GetUserId(), db, mail, clock, HttpContext.RequestAborted);
        Input = new();
        ModelState.Clear();
        await FindAsync(slug);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string slug, Guid id)
    {
        if (!await FindAsync(slug) || !await DeactivateStaff.WithdrawInvitationAsync(Clinic, id, db, clock, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        Status = "The invitation is withdrawn; its link no longer works.";
        return RedirectToPage(new { slug });
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string slug, Guid id)
    {
        if (!await FindAsync(slug))
        {
            return NotFound();
        }

        switch (await DeactivateStaff.HandleAsync(Clinic, id, db, clock, HttpContext.RequestAborted))
        {
            case DeactivateStaff.Outcome.NotFound:
                return NotFound();
            case DeactivateStaff.Outcome.LastAdmin:
                Problem = DeactivateStaff.LastAdmin;
                return Page();
            default:
                Status = "Deactivated. Their access to the clinic has ended.";
                return RedirectToPage(new { slug });
        }
    }

    private async Task<bool> FindAsync(string slug)
    {
        if (await db.AsAdminAsync(slug, User.GetUserId(), HttpContext.RequestAborted) is not { } clinic)
        {
            return false;
        }

        Clinic = clinic;
        Staff = await ListStaff.HandleAsync(clinic, db, clock, HttpContext.RequestAborted);
        return true;
    }
}
