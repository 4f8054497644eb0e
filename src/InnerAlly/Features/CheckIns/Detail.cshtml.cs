using InnerAlly.Features.Letters;
using InnerAlly.Features.Practices;

namespace InnerAlly.Features.CheckIns;

public sealed class DetailModel(AppDbContext db, PracticeCatalog practices) : CheckInPageModel(db)
{
    /// <summary>The practice a heavy moment is offered first: CFT starts with soothing rhythm breathing.</summary>
    public const string SoothingPractice = "soothing-rhythm-breathing";

    public bool JustSaved { get; private set; }

    /// <summary>Right after a heavy check-in: a letter to reread, or the ally cards.</summary>
    public RereadOffer.Offer? Reread { get; private set; }

    /// <summary>Right after a heavy check-in: a short soothing practice, offered before anything else.</summary>
    public Practice? SoothingFirst { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        JustSaved = TempData["Saved"] is true;
        Reread = JustSaved ? await RereadOffer.ForAsync(CheckIn.Threat, CheckIn.Soothe, User.GetUserId(), Db, cancellationToken) : null;
        SoothingFirst = JustSaved && RereadOffer.IsHeavy(CheckIn.Threat, CheckIn.Soothe) ? practices.Find(SoothingPractice) : null;

        return Page();
    }
}
