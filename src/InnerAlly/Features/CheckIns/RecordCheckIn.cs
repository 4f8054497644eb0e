namespace InnerAlly.Features.CheckIns;

/// <summary>Records a check-in for the signed-in person; called by the page and the API alike.</summary>
public static partial class RecordCheckIn
{
    public sealed class Request : IValidatableObject
    {
        [Required(ErrorMessage = "Choose a number from 0 to 10 for your threat system.")]
        [Range(CheckIn.MinRating, CheckIn.MaxRating, ErrorMessage = "Threat is a whole number from 0 to 10.")]
        public int? Threat { get; set; }

        [Required(ErrorMessage = "Choose a number from 0 to 10 for your drive system.")]
        [Range(CheckIn.MinRating, CheckIn.MaxRating, ErrorMessage = "Drive is a whole number from 0 to 10.")]
        public int? Drive { get; set; }

        [Required(ErrorMessage = "Choose a number from 0 to 10 for your soothe system.")]
        [Range(CheckIn.MinRating, CheckIn.MaxRating, ErrorMessage = "Soothe is a whole number from 0 to 10.")]
        public int? Soothe { get; set; }

        public List<string>? Emotions { get; set; }

        [StringLength(CheckIn.NoteMaxLength, ErrorMessage = "A note can be up to 2,000 characters. Yours is longer; you could keep the rest in your journal.")]
        public string? Note { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (validationContext.GetRequiredService<EmotionCatalog>().Unknown(Emotions) is { } unknown)
            {
                yield return new ValidationResult($"Choose emotions from the list; these are not on it: {unknown}.", [nameof(Emotions)]);
            }
        }
    }

    public static async Task<CheckIn> HandleAsync(
        Request request, Guid userId, AppDbContext db, EmotionCatalog catalog, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        var checkIn = CheckIn.Record(
            userId,
            clock.GetUtcNow().UtcDateTime,
            request.Threat!.Value,
            request.Drive!.Value,
            request.Soothe!.Value,
            request.Emotions ?? [],
            request.Note,
            catalog);
        db.CheckIns.Add(checkIn);
        await db.SaveChangesAsync(cancellationToken);
        Log.Recorded(logger, checkIn.Id);
        return checkIn;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Check-in {CheckInId} recorded")]
        public static partial void Recorded(ILogger logger, Guid checkInId);
    }
}
