using InnerAlly.Language;

namespace InnerAlly.Features.CheckIns;

public sealed class NewModel(AppDbContext db, EmotionCatalog emotions, TimeProvider clock, ILogger<NewModel> logger, SafetyFollowUp safety) : PageModel
{
    [BindProperty]
    public RecordCheckIn.Request Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var checkIn = await RecordCheckIn.HandleAsync(Input, User.GetUserId(), db, emotions, clock, logger, cancellationToken);
        TempData["Saved"] = true;
        SafetyFollowUp.Carry(await safety.AfterSavingAsync(checkIn.Note, TextSetting.CheckInNote, HttpContext, db, cancellationToken), TempData);

        return RedirectToPage("Detail", new { id = checkIn.Id });
    }

    public bool IsChecked(string emotionId) => Input.Emotions?.Contains(emotionId) == true;

    public int? Rating(string system) => system switch
    {
        "threat" => Input.Threat,
        "drive" => Input.Drive,
        _ => Input.Soothe,
    };
}
