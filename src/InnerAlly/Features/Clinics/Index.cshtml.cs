namespace InnerAlly.Features.Clinics;

/// <summary>/clinic: the clinics where the person is staff, with a way into each one's staff page for its admins.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<ClinicAccess.Membership> Clinics { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync() => Clinics = await db.MembershipsAsync(User.GetUserId(), HttpContext.RequestAborted);
}
