namespace InnerAlly.Features.Measures;

/// <summary>
/// Taking a questionnaire: every item on one page (a small script shows one at a time on narrow
/// screens and keeps a draft as answers are given). Completing goes to the scores; "finish later"
/// keeps a draft. The same use case as POST /api/v1/instruments/{code}/responses.
/// </summary>
public sealed class TakeModel(AppDbContext db, TimeProvider clock, ILogger<TakeModel> logger, InstrumentCatalog catalog, SafetySupport support) : PageModel
{
    public Instrument Instrument { get; private set; } = null!;

    /// <summary>Answers by item id, bound from radio buttons named Answers[1], Answers[2], ...</summary>
    [BindProperty]
    public Dictionary<string, int?> Answers { get; set; } = [];

    /// <summary>Messages beside items, by item id.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public bool FromDraft { get; private set; }

    /// <summary>Ready for the safety items: shown at once (by the page's script) when one is answered above its threshold.</summary>
    public SafetyNotice SafetyNotice { get; private set; } = SafetyNotice.None;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        if (await MeasureHistory.DraftAsync(code, User.GetUserId(), db, cancellationToken) is { } draft)
        {
            Answers = new Dictionary<string, int?>(draft.Answers);
            FromDraft = true;
        }

        return Page();
    }

    public Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken) => SaveAsync(code, draft: false, cancellationToken);

    public Task<IActionResult> OnPostDraftAsync(string code, CancellationToken cancellationToken) => SaveAsync(code, draft: true, cancellationToken);

    /// <summary>The page's script keeps a draft as answers are given; nothing to show, so 204.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(string code, CancellationToken cancellationToken)
    {
        if (catalog.Find(code) is not { } instrument)
        {
            return NotFound();
        }

        var request = new RecordResponse.Request { Answers = Answers, Status = MeasureResponse.Draft };
        if (!ModelState.IsValid || RecordResponse.Check(instrument, request).Count > 0)
        {
            return BadRequest();
        }

        await RecordResponse.HandleAsync(instrument, request, User.GetUserId(), db, clock, logger, cancellationToken);
        return new NoContentResult();
    }

    private async Task<IActionResult> SaveAsync(string code, bool draft, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        var request = new RecordResponse.Request { Answers = Answers, Status = draft ? MeasureResponse.Draft : MeasureResponse.Complete };
        foreach (var (field, messages) in RecordResponse.Check(Instrument, request))
        {
            Errors[field.Replace("answers.", "", StringComparison.Ordinal)] = messages[0];
        }

        if (!ModelState.IsValid || Errors.Count > 0)
        {
            return Page();
        }

        var saved = await RecordResponse.HandleAsync(Instrument, request, User.GetUserId(), db, clock, logger, cancellationToken);

        // Saved exactly as given first; then an answer about self-harm brings the support notice to the next page.
        SafetyFollowUp.Carry(RecordResponse.SafetyCategory(Instrument, saved), TempData);

        if (draft)
        {
            TempData["Message"] = $"Your answers to the {Instrument.ShortTitle} so far are kept. Carry on whenever you like.";
            return Redirect("/measures");
        }

        TempData["Saved"] = true;
        return Redirect($"/measures/{code}/responses/{saved.Id}");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (catalog.Find(code) is not { } instrument)
        {
            return false;
        }

        Instrument = instrument;
        if (instrument.SafetyItems.Count > 0)
        {
            SafetyNotice = await support.NoticeForAsync(instrument.SafetyItems[0].Category, HttpContext, db, cancellationToken);
        }

        return true;
    }

    public int? AnswerTo(string itemId) => Answers.TryGetValue(itemId, out var value) ? value : null;
}
