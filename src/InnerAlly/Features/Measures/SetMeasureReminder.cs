using InnerAlly.Features.Calendar;

namespace InnerAlly.Features.Measures;

/// <summary>
/// "Remind me every N weeks" for one questionnaire, set from the history page or the API. The
/// reminder travels in the person's calendar feed, so one is made for them if they have none.
/// </summary>
public static class SetMeasureReminder
{
    /// <summary>When no time of day is given.</summary>
    public static readonly TimeOnly DefaultTime = new(9, 0);

    public sealed class Request : IValidatableObject
    {
        /// <summary>1 to 12.</summary>
        [Required(ErrorMessage = "Choose how often, from every week to every 12 weeks.")]
        [Range(MeasureReminder.MinWeeks, MeasureReminder.MaxWeeks, ErrorMessage = "Choose how often, from every week to every 12 weeks.")]
        public int? EveryWeeks { get; set; }

        /// <summary>Time of day, 24-hour "HH:mm", in your time zone; 09:00 if not given.</summary>
        public string? Time { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (Time is not null && !CalendarTime.TryParse(Time, out _))
            {
                yield return new ValidationResult(CalendarTime.Hint, [nameof(Time)]);
            }
        }

        internal TimeOnly ParsedTime() =>
            Time is null ? DefaultTime : CalendarTime.TryParse(Time, out var time) ? time : throw new FormatException("The request's time was not checked before it got here.");
    }

    /// <summary>Sets (or replaces) the reminder for this questionnaire, and makes the person a calendar address if they have none.</summary>
    public static async Task<(MeasureReminder Reminder, CalendarFeed Feed)> HandleAsync(
        Instrument instrument, Request request, Guid userId, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await RemoveMeasureReminder.HandleAsync(instrument.Code, userId, db, cancellationToken);
        var reminder = MeasureReminder.Create(userId, instrument.Code, request.EveryWeeks!.Value, request.ParsedTime(), clock.GetUtcNow().UtcDateTime);
        db.MeasureReminders.Add(reminder);
        await db.SaveChangesAsync(cancellationToken);
        return (reminder, await RenewCalendarFeed.EnsureAsync(userId, db, clock, cancellationToken));
    }
}
