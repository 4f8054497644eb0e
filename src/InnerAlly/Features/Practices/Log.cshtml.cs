using InnerAlly.Language;

namespace InnerAlly.Features.Practices;

/// <summary>Logs a practice just finished; the same use case, and the same rules, as POST /api/v1/practice-sessions.</summary>
public sealed class LogModel(AppDbContext db, PracticeCatalog practices, TimeProvider clock, ILogger<LogModel> logger, SafetyFollowUp safety) : PageModel
{
    public const int MaxMinutes = PracticeSession.MaxDurationSeconds / 60;

    public Practice Practice { get; private set; } = null!;

    [BindProperty]
    public Form Input { get; set; } = new();

    public sealed class Form
    {
        [Required(ErrorMessage = "Say roughly how many minutes it took.")]
        [Range(1, MaxMinutes, ErrorMessage = "Minutes is a whole number from 1 to 180.")]
        public int? Minutes { get; set; }

        public RecordPracticeSession.RatingsInput Before { get; set; } = new();

        public RecordPracticeSession.RatingsInput After { get; set; } = new();

        [StringLength(PracticeSession.NoteMaxLength, ErrorMessage = RecordPracticeSession.NoteTooLong)]
        public string? Note { get; set; }
    }

    public IActionResult OnGet(string id, int? minutes)
    {
        if (practices.Find(id) is not { } practice)
        {
            return NotFound();
        }

        Practice = practice;
        Input.Minutes = minutes is { } m && m is >= 1 and <= MaxMinutes ? m : practice.DefaultLength;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (practices.Find(id) is not { } practice)
        {
            return NotFound();
        }

        Practice = practice;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var duration = Input.Minutes!.Value * 60;
        var request = new RecordPracticeSession.Request
        {
            PracticeId = practice.Id,
            StartedAt = clock.GetUtcNow().AddSeconds(-duration),
            DurationSeconds = duration,
            Before = Input.Before,
            After = Input.After,
            Note = Input.Note,
        };
        var session = await RecordPracticeSession.HandleAsync(request, User.GetUserId(), db, practices, clock, logger, cancellationToken);
        TempData["Logged"] = practice.Title;
        SafetyFollowUp.Carry(await safety.AfterSavingAsync(session.Note, TextSetting.PracticeNote, HttpContext, db, cancellationToken), TempData);

        return Redirect("/practices/history");
    }
}
