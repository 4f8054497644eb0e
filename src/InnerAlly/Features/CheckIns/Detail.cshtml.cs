using InnerAlly.Data;
using InnerAlly.Features.Account;
using InnerAlly.Features.Letters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnerAlly.Features.CheckIns;

public sealed class DetailModel(AppDbContext db) : PageModel
{
    public CheckIn CheckIn { get; private set; } = null!;

    public string RecordedAt { get; private set; } = "";

    public bool JustSaved { get; private set; }

    /// <summary>Right after a heavy check-in: a letter to reread, or the ally cards.</summary>
    public RereadOffer.Offer? Reread { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        if (await FindCheckIn.HandleAsync(id, userId, db, cancellationToken) is not { } checkIn)
        {
            return NotFound();
        }

        CheckIn = checkIn;
        RecordedAt = PersonalTime.Format(checkIn.RecordedAt, await PersonalTime.ZoneForAsync(userId, db, cancellationToken));
        JustSaved = TempData["Saved"] is true;
        Reread = JustSaved ? await RereadOffer.ForAsync(checkIn.Threat, checkIn.Soothe, userId, db, cancellationToken) : null;

        return Page();
    }
}
