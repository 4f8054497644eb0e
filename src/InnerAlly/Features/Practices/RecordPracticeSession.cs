namespace InnerAlly.Features.Practices;

/// <summary>Logs one practice session for the signed-in person; called by the page and the API alike.</summary>
public static partial class RecordPracticeSession
{
    /// <summary>How far back a session can be logged, and how far ahead a clock may run.</summary>
    public static readonly TimeSpan OldestStart = TimeSpan.FromDays(366);
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public const string NoteTooLong = "A note can be up to 2,000 characters. Yours is longer; you could keep the rest in your journal.";

    public sealed class Request : IValidatableObject
    {
        [Required(ErrorMessage = "Say which practice this was.")]
        public string? PracticeId { get; set; }

        /// <summary>When the practice began, ISO 8601 with an offset (UTC if none).</summary>
        [Required(ErrorMessage = "Say when the practice began.")]
        public DateTimeOffset? StartedAt { get; set; }

        [Required(ErrorMessage = "Say how long the practice lasted, in seconds.")]
        [Range(1, PracticeSession.MaxDurationSeconds, ErrorMessage = "A session lasts from 1 second to 3 hours (10,800 seconds).")]
        public int? DurationSeconds { get; set; }

        public RatingsInput? Before { get; set; }

        public RatingsInput? After { get; set; }

        [StringLength(PracticeSession.NoteMaxLength, ErrorMessage = NoteTooLong)]
        public string? Note { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (PracticeId is not null && validationContext.GetRequiredService<PracticeCatalog>().Find(PracticeId) is null)
            {
                yield return new ValidationResult($"There is no practice called \"{PracticeId}\"; the list is at /api/v1/practices.", [nameof(PracticeId)]);
            }

            if (StartedAt is { } started)
            {
                var clock = validationContext.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
                var now = clock.GetUtcNow();
                if (started > now + ClockSkew)
                {
                    yield return new ValidationResult("A session cannot start in the future.", [nameof(StartedAt)]);
                }
                else if (started < now - OldestStart)
                {
                    yield return new ValidationResult("Sessions can be logged up to a year after they happened.", [nameof(StartedAt)]);
                }
            }
        }
    }

    public sealed class RatingsInput
    {
        [Range(PracticeSession.MinRating, PracticeSession.MaxRating, ErrorMessage = "Threat is a whole number from 0 to 10.")]
        public int? Threat { get; set; }

        [Range(PracticeSession.MinRating, PracticeSession.MaxRating, ErrorMessage = "Soothe is a whole number from 0 to 10.")]
        public int? Soothe { get; set; }

        internal PracticeSession.Ratings? ToRatings() =>
            Threat is null && Soothe is null ? null : new PracticeSession.Ratings(Threat, Soothe);
    }

    public static async Task<PracticeSession> HandleAsync(
        Request request, Guid userId, AppDbContext db, PracticeCatalog practices, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        var session = PracticeSession.Record(
            userId,
            request.PracticeId!,
            request.StartedAt!.Value.UtcDateTime,
            request.DurationSeconds!.Value,
            request.Before?.ToRatings(),
            request.After?.ToRatings(),
            request.Note,
            clock.GetUtcNow().UtcDateTime,
            practices);
        db.PracticeSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        Log.Recorded(logger, session.Id, session.PracticeId);
        return session;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Practice session {SessionId} of {PracticeId} recorded")]
        public static partial void Recorded(ILogger logger, Guid sessionId, string practiceId);
    }
}
