using System.ComponentModel.DataAnnotations;
using InnerAlly.Data;
using InnerAlly.Features.Account;
using InnerAlly.Features.Practices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

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

    public sealed class ReminderInput
    {
        [Range(MeasureReminder.MinWeeks, MeasureReminder.MaxWeeks, ErrorMessage = "Choose from every week to every 12 weeks.")]
        public int EveryWeeks { get; set; } = 4;

        [Required(ErrorMessage = "Choose a time of day.")]
        public string? Time { get; set; } = "18:00";
    }

    [BindProperty]
    public ReminderInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Message = TempData["Message"] as string;
        if (Reminder is not null)
        {
            Input = new ReminderInput { EveryWeeks = Reminder.EveryWeeks, Time = Reminder.TimeOfDay.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostReminderAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        var time = default(TimeOnly);
        if (Input.Time is not null && !PracticeRhythm.TryParseTime(Input.Time, out time))
        {
            ModelState.AddModelError("Input.Time", "Give the time as hours and minutes, for example 09:00 or 18:30.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var userId = User.GetUserId();
        await MeasureReminders.SetAsync(code, Input.EveryWeeks, time, userId, db, clock, cancellationToken);
        if (await CalendarFeed.FindForAsync(userId, db, cancellationToken) is null)
        {
            await CalendarFeed.RenewAsync(userId, db, clock, cancellationToken);
        }

        TempData["Message"] = $"Your calendar will remind you {MeasureReminders.Every(Input.EveryWeeks)}.";
        return Redirect($"/measures/{code}/history");
    }

    public async Task<IActionResult> OnPostStopReminderAsync(string code, CancellationToken cancellationToken)
    {
        await MeasureReminders.RemoveAsync(code, User.GetUserId(), db, cancellationToken);
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
        Reminder = await MeasureReminders.FindAsync(code, userId, db, cancellationToken);
        var feed = await CalendarFeed.FindForAsync(userId, db, cancellationToken);
        FeedUrl = feed is null ? null : PracticeEndpoints.FeedFor(feed, Request).Url;
        return true;
    }

    /// <summary>The total's points in the person's time zone, for the chart.</summary>
    public IReadOnlyList<ScoreChart.Point> Points => [.. Entries
        .Where(e => e.Scores!.Total is not null)
        .Select(e => new ScoreChart.Point(PersonalTime.ToLocal(e.Response.CompletedAt!.Value, Zone), e.Scores!.Total!.Value))];
}
