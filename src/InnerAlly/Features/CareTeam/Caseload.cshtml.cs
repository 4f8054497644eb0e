using InnerAlly.Features.Clinics;
using InnerAlly.Features.Measures;

namespace InnerAlly.Features.CareTeam;

/// <summary>/caseload: a therapist's active clients, what needs attention first, and inviting a client by code.</summary>
public sealed class CaseloadModel(AppDbContext db, CareAccess access, InstrumentCatalog instruments, ClientInvitationMail mail, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InviteClient.Request Input { get; set; } = new();

    public ClinicAccess.TherapistPlace Place { get; private set; } = null!;

    public IReadOnlyList<ShowCaseload.Row> Clients { get; private set; } = [];

    public IReadOnlyList<InviteClient.Open> Invitations { get; private set; } = [];

    /// <summary>The invitation just made, with its code: shown this once.</summary>
    public InviteClient.Response? Invited { get; private set; }

    public DateTime Now { get; private set; }

    /// <summary>The therapist's own latest looks at clients' data.</summary>
    public IReadOnlyList<ListMyLooks.Look> Looks { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Invited = await InviteClient.HandleAsync(Place.Member, Place.Clinic.Name, Input, db, mail, clock, HttpContext.RequestAborted);
        Input = new();
        ModelState.Clear();
        Invitations = await InviteClient.ListOpenAsync(Place.Member, db, clock, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id)
    {
        if (await db.AsTherapistAsync(User.GetUserId(), null, HttpContext.RequestAborted) is not { } place
            || !await InviteClient.WithdrawAsync(place.Member, id, db, clock, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        Status = "The invitation is withdrawn; its code no longer works.";
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync()
    {
        if (await db.AsTherapistAsync(User.GetUserId(), null, HttpContext.RequestAborted) is not { } place)
        {
            return false;
        }

        Place = place;
        Now = clock.GetUtcNow().UtcDateTime;
        Clients = await ShowCaseload.HandleAsync(User.GetUserId(), access, db, instruments, clock, HttpContext, HttpContext.RequestAborted);
        Invitations = await InviteClient.ListOpenAsync(place.Member, db, clock, HttpContext.RequestAborted);
        Looks = await ListMyLooks.HandleAsync(User.GetUserId(), db, HttpContext.RequestAborted);
        return true;
    }
}
