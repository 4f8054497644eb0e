using InnerAlly.Features.CareTeam;

namespace InnerAlly.Features.SessionNotes;

/// <summary>/session-notes/{id}: one session note with its versions; its author changes it for 24 hours, then amends it.</summary>
public sealed class NoteModel(AppDbContext db, CareAccess access, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SessionNoteForm Input { get; set; } = new();

    public ShowSessionNotes.Note Note { get; private set; } = null!;

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Where "back" goes: the client's page while the work goes on, else the caseload.</summary>
    public string Back { get; private set; } = "/caseload";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input.Fill(Words(Note.Current));
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        switch (await ChangeSessionNote.EditAsync(User.GetUserId(), id, Input, access, db, clock, HttpContext.RequestAborted))
        {
            case ChangeSessionNote.Outcome.NotFound:
                return NotFound();
            case ChangeSessionNote.Outcome.IsRecord:
                ModelState.AddModelError("Input.WorkedOn", ChangeSessionNote.RecordDetail);
                Note = (await ShowSessionNotes.ShowAsync(User.GetUserId(), id, access, clock, HttpContext.RequestAborted))!;
                return Page();
            default:
                TempData["Status"] = "Your changes are saved.";
                return RedirectToPage(new { id });
        }
    }

    public async Task<IActionResult> OnPostAmendAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (await ChangeSessionNote.AmendAsync(User.GetUserId(), id, Input, access, db, clock, HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }

        TempData["Status"] = "The amendment is saved. The note as it was stays below it.";
        return RedirectToPage(new { id });
    }

    public static SessionNoteVersion.Content Words(ShowSessionNotes.Version v) => new(v.SessionDate, v.Minutes, v.Kind, v.WorkedOn, v.PracticesUsed, v.NextSteps, v.Risk);

    public string When(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Zone).ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    private async Task<bool> LoadAsync(Guid id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await ShowSessionNotes.ShowAsync(User.GetUserId(), id, access, clock, cancellationToken) is not { } note)
        {
            return false;
        }

        Note = note;
        var place = await db.SessionNotes.AsNoTracking().Where(n => n.Id == id)
            .Join(db.Clinics, n => n.ClinicId, c => c.Id, (n, c) => new { c.TimeZone, n.RelationshipId })
            .SingleAsync(cancellationToken);
        Zone = TimeZoneInfo.TryFindSystemTimeZoneById(place.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
        if (place.RelationshipId is { } relationship && await access.ClientAsync(User.GetUserId(), relationship, cancellationToken) is not null)
        {
            Back = $"/caseload/{relationship}";
        }

        return true;
    }
}
