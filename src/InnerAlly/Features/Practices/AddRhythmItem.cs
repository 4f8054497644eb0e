using InnerAlly.Features.Calendar;

namespace InnerAlly.Features.Practices;

/// <summary>Adds a practice to the person's week; the page and the API both call this.</summary>
public static class AddRhythmItem
{
    public static string FullMessage => $"A week can hold up to {PracticeRhythmItem.MaxItems} practices; take one out to add another.";

    public sealed class Request : IValidatableObject
    {
        [Required(ErrorMessage = "Choose a practice.")]
        public string? PracticeId { get; set; }

        [Required(ErrorMessage = "Choose how many minutes.")]
        public int? Minutes { get; set; }

        /// <summary>Days of the week by name: "monday" to "sunday".</summary>
        public List<string>? Days { get; set; }

        /// <summary>Time of day, 24-hour "HH:mm", in your time zone.</summary>
        [Required(ErrorMessage = "Choose a time of day.")]
        public string? Time { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            var practice = validationContext.GetRequiredService<PracticeCatalog>().Find(PracticeId);
            if (PracticeId is not null && practice is null)
            {
                yield return new ValidationResult($"There is no practice called \"{PracticeId}\".", [nameof(PracticeId)]);
            }

            if (practice is not null && Minutes is { } minutes && !practice.Lengths.Contains(minutes))
            {
                yield return new ValidationResult($"{practice.Title} comes in {practice.LengthsInWords}.", [nameof(Minutes)]);
            }

            if (Days is not { Count: > 0 })
            {
                yield return new ValidationResult("Choose at least one day.", [nameof(Days)]);
            }
            else if (Days.FirstOrDefault(d => !Weekdays.TryParse(d, out _)) is { } unknown)
            {
                yield return new ValidationResult($"\"{unknown}\" is not a day of the week; use monday to sunday.", [nameof(Days)]);
            }

            if (Time is not null && !CalendarTime.TryParse(Time, out _))
            {
                yield return new ValidationResult(CalendarTime.Hint, [nameof(Time)]);
            }
        }

        internal IEnumerable<DayOfWeek> ParsedDays() => Days!.Select(d => Weekdays.TryParse(d, out var day) ? day : throw new FormatException(d));
    }

    /// <returns>The new line, or null when the week is already full (<see cref="PracticeRhythmItem.MaxItems"/>).</returns>
    public static async Task<PracticeRhythmItem?> HandleAsync(Request request, Guid userId, AppDbContext db, PracticeCatalog practices, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.PracticeRhythmItems.CountAsync(i => i.UserId == userId, cancellationToken) >= PracticeRhythmItem.MaxItems)
        {
            return null;
        }

        if (!CalendarTime.TryParse(request.Time, out var time))
        {
            throw new FormatException("The request's time was not checked before it got here.");
        }

        var item = PracticeRhythmItem.Create(userId, request.PracticeId!, request.Minutes!.Value, request.ParsedDays(), time, clock.GetUtcNow().UtcDateTime, practices);
        db.PracticeRhythmItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return item;
    }
}
