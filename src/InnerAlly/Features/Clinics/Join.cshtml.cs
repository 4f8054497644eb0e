namespace InnerAlly.Features.Clinics;

/// <summary>/clinic/join/{token}: the invitation described, and accepted with the name people will see.</summary>
public sealed class JoinModel(UserManager<User> users, AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = AcceptStaffInvitation.NameNeeded)]
        [StringLength(StaffMember.DisplayNameMaxLength, ErrorMessage = AcceptStaffInvitation.NameNeeded)]
        public string? DisplayName { get; set; }
    }

    public AcceptStaffInvitation.Preview? Invitation { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        if (await PreviewAsync(token) is { } preview)
        {
            Input.DisplayName = preview.DisplayName;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (await PreviewAsync(token) is null || !ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The page needs a sign-in.");
        var request = new AcceptStaffInvitation.Request { Token = token, DisplayName = Input.DisplayName! };
        var (outcome, _) = await AcceptStaffInvitation.HandleAsync(request, user, db, clock, HttpContext.RequestAborted);
        if (outcome != AcceptStaffInvitation.Outcome.Joined)
        {
            Problem = outcome == AcceptStaffInvitation.Outcome.OtherAddress ? AcceptStaffInvitation.OtherAddress : AcceptStaffInvitation.NotOpen;
            return Page();
        }

        TempData["Status"] = "Welcome to the clinic. You have joined its staff.";
        return RedirectToPage("/Clinics/Index");
    }

    private async Task<AcceptStaffInvitation.Preview?> PreviewAsync(string token)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The page needs a sign-in.");
        Invitation = token.Length <= 100 ? await AcceptStaffInvitation.PreviewAsync(token, user, db, clock, HttpContext.RequestAborted) : null;
        Problem = Invitation is null ? AcceptStaffInvitation.NotOpen : Invitation.ForThisAccount ? null : AcceptStaffInvitation.OtherAddress;
        return Problem is null ? Invitation : null;
    }
}
