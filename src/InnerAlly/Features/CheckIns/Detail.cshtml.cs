using InnerAlly.Features.Letters;
using InnerAlly.Features.Practices;

namespace InnerAlly.Features.CheckIns;

public sealed class DetailModel(AppDbContext db, PracticeCatalog practices) : PageModel
{
    /// <summary>The practice a heavy moment is offered first: CFT starts with soothing rhythm breathing.</summary>
    public const string SoothingPractice = "soothing-rhythm-breathing";

    public CheckIn CheckIn { get; private set; } = null!;

    public string RecordedAt { get; private set; } = "";

    public bool JustSaved { get; private set; }

    /// <summary>Right after a heavy check-in: a letter to reread, or the ally cards.</summary>
    public RereadOffer.Offer? Reread { get; private set; }

    /// <summary>Right after a heavy check-in: a short soothing practice, offered before anything else.</summary>
    public Practice? SoothingFirst { get; private set; }

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
        SoothingFirst = JustSaved && RereadOffer.IsHeavy(checkIn.Threat, checkIn.Soothe) ? practices.Find(SoothingPractice) : null;

        return Page();
    }
}
