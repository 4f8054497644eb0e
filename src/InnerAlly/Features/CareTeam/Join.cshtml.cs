
namespace InnerAlly.Features.CareTeam;

/// <summary>
/// /care-team/join: a client types the code their therapist gave them, or arrives by its link, sees
/// who invited them and exactly what each category would show, and accepts with the sharing they
/// choose (nothing, unless they choose). Signing in first (or registering) brings them back here.
/// </summary>
public sealed class JoinModel(AppDbContext db, CareAccess access, CareContent content, UserManager<User> users, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? ClientName { get; set; }

    [BindProperty]
    public Dictionary<string, string> Sharing { get; set; } = SharingForm.Nothing();

    public AcceptClientInvitation.Preview? Invitation { get; private set; }

    public IReadOnlyDictionary<string, SharingPreview.Line> Preview { get; private set; } = new Dictionary<string, SharingPreview.Line>();

    public string? Problem { get; private set; }

    /// <summary>The code as its address spells it, so both buttons post to the page of this invitation, whatever handler drew it.</summary>
    public string? Code { get; private set; }

    public string? SharingError { get; private set; }

    /// <summary>The therapist's page about the client as the form's choices would make it; set by "Show me what they would see".</summary>
    public ShowClient.View? Layout { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, [FromQuery(Name = "entered")] string? entered)
    {
        if (code is null && entered is not null)
        {
            // The typed code, from the form below: its own address, so the link and the code land on one page.
            if (ClientInvitation.Normalize(entered) is { } normal)
            {
                return RedirectToPage(new { code = normal });
            }

            ModelState.AddModelError("entered", AcceptClientInvitation.CodeNeeded);
            return Page();
        }

        if (code is not null)
        {
            await LoadAsync(code);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code)
    {
        if (code is null || !await LoadAsync(code))
        {
            return Page();
        }

        var choices = SharingForm.Read(Sharing);
        SharingError = ChangeSharing.Problems(choices) is { Count: > 0 } problems ? problems.First().Value[0] : null;
        if (string.IsNullOrWhiteSpace(ClientName) || ClientName.Trim().Length > CareRelationship.ClientNameMaxLength)
        {
            ModelState.AddModelError(nameof(ClientName), AcceptClientInvitation.NameNeeded);
        }

        if (!ModelState.IsValid || SharingError is not null)
        {
            return Page();
        }

        var request = new AcceptClientInvitation.Request { Code = code, ClientName = ClientName!, Sharing = choices };
        var (outcome, _) = await AcceptClientInvitation.HandleAsync(request, User.GetUserId(), db, clock, HttpContext.RequestAborted);
        if (outcome != AcceptClientInvitation.Outcome.Joined)
        {
            Problem = outcome switch
            {
                AcceptClientInvitation.Outcome.OwnInvitation => AcceptClientInvitation.OwnInvitation,
                AcceptClientInvitation.Outcome.AlreadyWorking => AcceptClientInvitation.AlreadyWorking,
                _ => AcceptClientInvitation.NotOpen,
            };
            Invitation = null;
            return Page();
        }

        TempData["Status"] = choices.Count == 0
            ? $"You are now working with {Invitation!.TherapistName}. Nothing is shared yet; choose below whenever you are ready."
            : $"You are now working with {Invitation!.TherapistName}, who sees what you chose.";
        return RedirectToPage("/CareTeam/Index");
    }

    /// <summary>Draws the therapist's page with the choices on the form, saving nothing; the form keeps what was chosen.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string? code)
    {
        if (code is null || !await LoadAsync(code))
        {
            return Page();
        }

        ModelState.Clear();
        Layout = await PreviewJoining.HandleAsync(Invitation!, User.GetUserId(), ClientName, SharingForm.Read(Sharing), access, db, content, clock, HttpContext.RequestAborted);
        return Page();
    }

    private async Task<bool> LoadAsync(string code)
    {
        Invitation = await AcceptClientInvitation.PreviewAsync(code, db, clock, HttpContext.RequestAborted);
        Code = ClientInvitation.Normalize(code);
        if (Invitation is null)
        {
            Problem = AcceptClientInvitation.NotOpen;
            return false;
        }

        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The page needs a sign-in.");
        Preview = await SharingPreview.HandleAsync(user.Id, db, content, user.TimeZone, HttpContext.RequestAborted);
        return true;
    }
}
