using InnerAlly.Features.CareTeam;
using InnerAlly.Features.Clinics;

namespace InnerAlly.Features.Messages;

/// <summary>/messages: every thread a person has, and for a therapist what they tell clients about replies.</summary>
public sealed class IndexModel(AppDbContext db, CareAccess access) : PageModel
{
    public IReadOnlyList<ListThreads.Summary> Threads { get; private set; } = [];

    /// <summary>Set for a therapist: where their reply expectation is kept.</summary>
    public StaffMember? AsTherapist { get; private set; }

    [BindProperty]
    public string? ReplyExpectation { get; set; }

    public string? ReplyExpectationError { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        ReplyExpectation = AsTherapist?.ReplyExpectation;
    }

    public async Task<IActionResult> OnPostReplyExpectationAsync()
    {
        if (await db.AsTherapistAsync(User.GetUserId(), null, HttpContext.RequestAborted) is not { } place)
        {
            return NotFound();
        }

        if (ReplyExpectation is { Length: > StaffMember.ReplyExpectationMaxLength })
        {
            ReplyExpectationError = "This can hold up to 200 characters.";
            await LoadAsync();
            return Page();
        }

        place.Member.ExpectReplies(ReplyExpectation);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        Status = place.Member.ReplyExpectation is null ? "Saved. Your clients see no reply time now." : "Saved. Your clients see this on each conversation with you.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Threads = await ListThreads.HandleAsync(User.GetUserId(), db, access, HttpContext.RequestAborted);
        AsTherapist = (await db.AsTherapistAsync(User.GetUserId(), null, HttpContext.RequestAborted))?.Member;
    }
}
