namespace InnerAlly.Features.Measures;

/// <summary>One response's scores, band and change since the first and the previous; the person's own only.</summary>
public sealed class ResultModel(AppDbContext db, InstrumentCatalog catalog) : PageModel
{
    public Instrument Instrument { get; private set; } = null!;

    public MeasureHistory.Entry Entry { get; private set; } = null!;

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public bool JustSaved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, Guid id, CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        if (catalog.Find(code) is not { } instrument
            || await MeasureHistory.FindAsync(instrument, id, userId, db, cancellationToken) is not { Scores: not null } entry)
        {
            return NotFound();
        }

        Instrument = instrument;
        Entry = entry;
        Zone = await PersonalTime.ZoneForAsync(userId, db, cancellationToken);
        JustSaved = TempData["Saved"] is true;
        return Page();
    }

    public string When(DateTime utc) => PersonalTime.FormatShort(utc, Zone);
}
