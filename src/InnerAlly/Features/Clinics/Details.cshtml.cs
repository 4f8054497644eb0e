namespace InnerAlly.Features.Clinics;

/// <summary>/clinic/{slug}/details: an admin changes the clinic's name, time zone and contact details.</summary>
public sealed class DetailsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public UpdateClinicDetails.Request Input { get; set; } = new();

    public Clinic Clinic { get; private set; } = null!;

    public IReadOnlyList<TimeZones.Choice> Zones { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (!await FindAsync(slug))
        {
            return NotFound();
        }

        Input = UpdateClinicDetails.Request.From(Clinic);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (!await FindAsync(slug))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await UpdateClinicDetails.HandleAsync(Clinic, Input, db, HttpContext.RequestAborted);
        TempData["Status"] = "The clinic's details are saved.";
        return RedirectToPage("/Clinics/Staff", new { slug });
    }

    private async Task<bool> FindAsync(string slug)
    {
        if (await db.AsAdminAsync(slug, User.GetUserId(), HttpContext.RequestAborted) is not { } clinic)
        {
            return false;
        }

        Clinic = clinic;
        Zones = TimeZones.Choices(clock.GetUtcNow(), Input.TimeZone ?? clinic.TimeZone);
        return true;
    }
}
