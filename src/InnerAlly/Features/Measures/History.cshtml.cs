using InnerAlly.Features.Calendar;

namespace InnerAlly.Features.Measures;

/// <summary>One questionnaire over time: the chart with bands and cut-off, the same as a table, and "remind me every N weeks".</summary>
public sealed class HistoryModel(AppDbContext db, TimeProvider clock, InstrumentCatalog catalog) : PageModel
{
    public Instrument Instrument { get; private set; } = null!;

    public IReadOnlyList<MeasureHistory.Entry> Entries { get; private set; } = [];

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public MeasureReminder? Reminder { get; private set; }

    public string? FeedUrl { get; private set; }

    public string? Message { get; private set; }

    [BindProperty]
    public SetMeasureReminder.Request Input { get; set; } = new() { EveryWeeks = 4, Time = "18:00" };

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Message = TempData["Message"] as string;
        if (Reminder is not null)
        {
            Input = new SetMeasureReminder.Request { EveryWeeks = Reminder.EveryWeeks, Time = CalendarTime.Format(Reminder.TimeOfDay) };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostReminderAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (reminder, _) = await SetMeasureReminder.HandleAsync(Instrument, Input, User.GetUserId(), db, clock, cancellationToken);
        TempData["Message"] = $"Your calendar will remind you {MeasureReminder.Every(reminder.EveryWeeks)}.";
        return Redirect($"/measures/{code}/history");
    }

    public async Task<IActionResult> OnPostStopReminderAsync(string code, CancellationToken cancellationToken)
    {
        await RemoveMeasureReminder.HandleAsync(code, User.GetUserId(), db, cancellationToken);
        TempData["Message"] = "No more reminders for this questionnaire.";
        return Redirect($"/measures/{code}/history");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (catalog.Find(code) is not { } instrument)
        {
            return false;
        }

        var userId = User.GetUserId();
        Instrument = instrument;
        Zone = await PersonalTime.ZoneForAsync(userId, db, cancellationToken);
        Entries = [.. (await MeasureHistory.ListAsync(instrument, userId, db, cancellationToken)).Where(e => e.Scores is not null)];
        Reminder = await GetMeasureReminder.HandleAsync(code, userId, db, cancellationToken);
        FeedUrl = (await CalendarAddress.FindAsync(userId, Request, db, cancellationToken))?.Url;
        return true;
    }

    /// <summary>The total's points in the person's time zone, for the chart.</summary>
    public IReadOnlyList<ScoreChart.Point> Points => [.. Entries
        .Where(e => e.Scores!.Total is not null)
        .Select(e => new ScoreChart.Point(PersonalTime.ToLocal(e.Response.CompletedAt!.Value, Zone), e.Scores!.Total!.Value))];
}
