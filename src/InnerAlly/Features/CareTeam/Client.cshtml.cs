using InnerAlly.Features.Measures;
using InnerAlly.Features.SessionNotes;


namespace InnerAlly.Features.CareTeam;

/// <summary>/caseload/{id}: one client as their therapist sees them, only what they share, each look recorded.</summary>
public sealed class ClientModel(AppDbContext db, CareAccess access, CareContent content, TimeProvider clock) : PageModel
{
    public ShowClient.View View { get; private set; } = null!;

    /// <summary>The session notes about this client you may read: yours, and your colleagues' where the clinic keeps a shared record.</summary>
    public IReadOnlyList<ShowSessionNotes.Item> Notes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await ShowClient.HandleAsync(User.GetUserId(), id, access, db, content, clock, HttpContext, HttpContext.RequestAborted) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Notes = await ShowSessionNotes.ListAsync(User.GetUserId(), view.Client.ClientId, access, db, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The same as the API's FHIR Bundle, as a file to download.</summary>
    public async Task<IActionResult> OnGetFhirAsync(Guid id)
    {
        if (await ExportClientFhir.HandleAsync(User.GetUserId(), id, access, db, content, HttpContext, HttpContext.RequestAborted) is not { } bundle)
        {
            return NotFound();
        }

        var name = $"innerally-{id:N}-{clock.GetUtcNow():yyyy-MM-dd}.fhir.json";
        return File(System.Text.Encoding.UTF8.GetBytes(FhirExport.Serialize(bundle)), FhirExport.ContentType, name);
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id)
    {
        if (await access.ClientAsync(User.GetUserId(), id, HttpContext.RequestAborted) is not { } client
            || !await EndCareRelationship.ByTherapistAsync(client, db, clock, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        TempData["Status"] = $"You have stopped working with {client.Relationship.ClientName} on InnerAlly. What they shared stays theirs.";
        return RedirectToPage("/CareTeam/Caseload");
    }
}
