using InnerAlly.Features.CareTeam;

namespace InnerAlly.Features.SessionNotes;

/// <summary>/caseload/{id}/session-notes/new: a therapist writes the notes of a session with one of their active clients.</summary>
public sealed class NewModel(AppDbContext db, CareAccess access, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SessionNoteForm Input { get; set; } = new();

    public CareAccess.Client Client { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await access.ClientAsync(User.GetUserId(), id, HttpContext.RequestAborted) is not { } client)
        {
            return NotFound();
        }

        Client = client;
        Input = new SessionNoteForm { SessionDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), Minutes = 50 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await access.ClientAsync(User.GetUserId(), id, HttpContext.RequestAborted) is not { } client)
        {
            return NotFound();
        }

        Client = client;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var note = await WriteSessionNote.HandleAsync(User.GetUserId(), id, Input, access, db, clock, HttpContext.RequestAborted);
        if (note is null)
        {
            return NotFound();
        }

        TempData["Status"] = "The note is saved. You can change it for the next 24 hours; after that it can be amended.";
        return RedirectToPage("/SessionNotes/Note", new { id = note.Id });
    }
}
