using System.Text.Json.Serialization;
using InnerAlly.Features.CheckIns;
using InnerAlly.Language;

namespace InnerAlly.Features.AllyRecords;

/// <summary>Writes a critic-to-ally record or changes one; called by the pages and the API alike.</summary>
public static partial class SaveAllyRecord
{
    /// <summary>The analysis reads the critic's words (everything written, when there are none); the risk check reads everything.</summary>
    public static SavedWords Words(AllyRecord record) =>
        new(record.CriticWords ?? WritingFollowUp.Join(record.Texts), WritingFollowUp.Join(record.Texts), TextSetting.RecordField);

    public const string NothingWritten = "Write something in at least one step; any step will do.";
    public const string RatingRange = "Choose a whole number from 0 to 10.";

    /// <summary>Every field is optional, but at least one text is needed. Fields not listed here are refused.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed class Request : IValidatableObject
    {
        /// <summary>What happened.</summary>
        [StringLength(WritingLimits.TextMaxLength, ErrorMessage = WritingLimits.TooLong)]
        public string? Situation { get; set; }

        /// <summary>The inner critic's exact words.</summary>
        [StringLength(WritingLimits.TextMaxLength, ErrorMessage = WritingLimits.TooLong)]
        public string? CriticWords { get; set; }

        /// <summary>How it felt: feelings from the three systems' lists, and the body.</summary>
        public FeelingsInput? Feelings { get; set; }

        /// <summary>What the critic may be afraid of, or trying to protect you from.</summary>
        [StringLength(WritingLimits.TextMaxLength, ErrorMessage = WritingLimits.TooLong)]
        public string? CriticFear { get; set; }

        /// <summary>The compassionate self's wisdom: why this makes sense.</summary>
        [StringLength(WritingLimits.TextMaxLength, ErrorMessage = WritingLimits.TooLong)]
        public string? AllyWisdom { get; set; }

        /// <summary>Its strength: what would help now.</summary>
        [StringLength(WritingLimits.TextMaxLength, ErrorMessage = WritingLimits.TooLong)]
        public string? AllyStrength { get; set; }

        /// <summary>Its warmth: kind words.</summary>
        [StringLength(WritingLimits.TextMaxLength, ErrorMessage = WritingLimits.TooLong)]
        public string? AllyWarmth { get; set; }

        /// <summary>One small compassionate action.</summary>
        [StringLength(WritingLimits.TextMaxLength, ErrorMessage = WritingLimits.TooLong)]
        public string? Action { get; set; }

        /// <summary>How harsh the critic felt at first, 0-10.</summary>
        [Range(AllyRecord.MinRating, AllyRecord.MaxRating, ErrorMessage = RatingRange)]
        public int? HarshnessBefore { get; set; }

        /// <summary>How harsh the critic felt at the end, 0-10.</summary>
        [Range(AllyRecord.MinRating, AllyRecord.MaxRating, ErrorMessage = RatingRange)]
        public int? HarshnessAfter { get; set; }

        /// <summary>How much the compassionate reply was believed when first written, 0-10.</summary>
        [Range(AllyRecord.MinRating, AllyRecord.MaxRating, ErrorMessage = RatingRange)]
        public int? BeliefBefore { get; set; }

        /// <summary>How much it was believed at the end, 0-10.</summary>
        [Range(AllyRecord.MinRating, AllyRecord.MaxRating, ErrorMessage = RatingRange)]
        public int? BeliefAfter { get; set; }

        public IReadOnlyList<string?> Texts => [Situation, CriticWords, Feelings?.Body, CriticFear, AllyWisdom, AllyStrength, AllyWarmth, Action];

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (!Texts.Any(WritingLimits.HasText))
            {
                yield return new ValidationResult(NothingWritten, [nameof(Situation), nameof(CriticWords), $"{nameof(Feelings)}.{nameof(FeelingsInput.Body)}", nameof(CriticFear), nameof(AllyWisdom), nameof(AllyStrength), nameof(AllyWarmth), nameof(Action)]);
            }
        }

        public AllyRecord.Content ToContent() => new(
            Situation, CriticWords, [.. (Feelings?.Emotions ?? []).OfType<string>()], Feelings?.Body, CriticFear,
            AllyWisdom, AllyStrength, AllyWarmth, Action, new(HarshnessBefore, HarshnessAfter, BeliefBefore, BeliefAfter));

        public static Request From(AllyRecord r) => new()
        {
            Situation = r.Situation,
            CriticWords = r.CriticWords,
            Feelings = new FeelingsInput { Emotions = [.. r.Emotions], Body = r.FeelingsBody },
            CriticFear = r.CriticFear,
            AllyWisdom = r.AllyWisdom,
            AllyStrength = r.AllyStrength,
            AllyWarmth = r.AllyWarmth,
            Action = r.Action,
            HarshnessBefore = r.HarshnessBefore,
            HarshnessAfter = r.HarshnessAfter,
            BeliefBefore = r.BeliefBefore,
            BeliefAfter = r.BeliefAfter,
        };
    }

    /// <summary>How it felt. Fields not listed here are refused.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed class FeelingsInput : IValidatableObject
    {
        /// <summary>Feelings from the check-in's lists (ids such as "ashamed", "on-edge", "calm").</summary>
        public List<string?>? Emotions { get; set; }

        /// <summary>What you noticed in your body.</summary>
        [StringLength(WritingLimits.TextMaxLength, ErrorMessage = WritingLimits.TooLong)]
        public string? Body { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (validationContext.GetRequiredService<EmotionCatalog>().Unknown(Emotions) is { } unknown)
            {
                yield return new ValidationResult($"Choose feelings from the check-in's lists; these are not on them: {unknown}.", [nameof(Emotions)]);
            }
        }
    }

    /// <summary>Writes a new record (<paramref name="id"/> null) or replaces one of the person's own; null when there is no such record of theirs.</summary>
    public static async Task<AllyRecord?> HandleAsync(
        Guid? id, Request request, Guid userId, AppDbContext db, EmotionCatalog catalog, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        var now = WritingLimits.Now(clock);
        AllyRecord record;
        if (id is null)
        {
            record = AllyRecord.Write(userId, now, request.ToContent(), catalog);
            db.AllyRecords.Add(record);
        }
        else if (await db.AllyRecords.FindOwnedForChangeAsync(id.Value, userId, cancellationToken) is { } found)
        {
            record = found;
            record.Replace(request.ToContent(), now, catalog);
        }
        else
        {
            return null;
        }

        await db.SaveChangesAsync(cancellationToken);
        Log.Saved(logger, record.Id);
        return record;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7011, Level = LogLevel.Information, Message = "Critic-to-ally record {RecordId} saved")]
        public static partial void Saved(ILogger logger, Guid recordId);
    }
}
