using InnerAlly.Features.Calendar;

namespace InnerAlly.Features.Practices;

/// <summary>A weekly rhythm of practices, and the calendar address that carries it; the same use cases as /api/v1/practice-rhythm.</summary>
public sealed class RhythmModel(AppDbContext db, PracticeCatalog practices, TimeProvider clock, Mailer mailer) : PageModel
{
    public IReadOnlyList<PracticeRhythmItem> Items { get; private set; } = [];

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public string? FeedUrl { get; private set; }

    public string? Message { get; private set; }

    public bool EmailAvailable => mailer.IsConfigured;

    public bool EmailReminders { get; private set; }

    [BindProperty]
    public AddRhythmItem.Request Input { get; set; } = new() { PracticeId = "soothing-rhythm-breathing", Minutes = 5, Time = "08:00" };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = TempData["Message"] as string;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (await AddRhythmItem.HandleAsync(Input, User.GetUserId(), db, practices, clock, cancellationToken) is null)
        {
            ModelState.AddModelError("Input.PracticeId", AddRhythmItem.FullMessage);
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = "Added to your week.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await RemoveRhythmItem.HandleAsync(id, User.GetUserId(), db, cancellationToken))
        {
            return NotFound();
        }

        TempData["Message"] = "Taken out of your week.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostFeedAsync(CancellationToken cancellationToken)
    {
        await RenewCalendarFeed.HandleAsync(User.GetUserId(), db, clock, cancellationToken);
        TempData["Message"] = "Your calendar address is ready. Any earlier one has stopped working.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostStopFeedAsync(CancellationToken cancellationToken)
    {
        await RevokeCalendarFeed.HandleAsync(User.GetUserId(), db, cancellationToken);
        TempData["Message"] = "Your calendar address is turned off. Calendars subscribed to it will stop updating.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEmailAsync(bool on, CancellationToken cancellationToken)
    {
        if (on && !mailer.IsConfigured)
        {
            return BadRequest();
        }

        await PracticeReminders.SetAsync(on, User.GetUserId(), db, clock, cancellationToken);
        TempData["Message"] = on
            ? "We'll email you at the times in your week. You can stop this whenever you like."
            : "No more reminder emails. Your week of practice stays as it is.";
        return RedirectToPage();
    }

    public bool IsDayChosen(DayOfWeek day) => Input.Days?.Contains(Weekdays.Id(day), StringComparer.OrdinalIgnoreCase) == true;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        Zone = await PersonalTime.ZoneForAsync(userId, db, cancellationToken);
        Items = await ListRhythm.HandleAsync(userId, db, cancellationToken);
        FeedUrl = (await CalendarAddress.FindAsync(userId, Request, db, cancellationToken))?.Url;
        EmailReminders = await PracticeReminders.IsOnAsync(userId, db, cancellationToken);
    }
}
