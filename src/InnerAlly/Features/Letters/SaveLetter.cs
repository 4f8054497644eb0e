using System.Text.Json.Serialization;
using InnerAlly.Language;

namespace InnerAlly.Features.Letters;

/// <summary>Writes a compassionate letter or changes one; called by the pages and the API alike.</summary>
public static partial class SaveLetter
{
    /// <summary>The analysis and the risk check both read the whole letter, its parts as paragraphs in order.</summary>
    public static SavedWords Words(Letter letter) =>
        new(WritingFollowUp.Join(letter.Written.All), WritingFollowUp.Join(letter.Written.All), TextSetting.LetterPart);

    public const string NothingWritten = "Write something in at least one part of the letter; any part will do.";

    /// <summary>A letter's parts and whether it is done. Fields not listed here are refused.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed class Request : IValidatableObject
    {
        /// <summary>The letter's parts; at least one needs some text.</summary>
        public PartsInput? Parts { get; set; }

        /// <summary>"draft" (the default) or "done".</summary>
        public string? Status { get; set; }

        /// <summary>
        /// The kind of letter: "to-yourself" (the default for a new letter), "from-compassionate-other",
        /// "to-younger-self" or "to-the-critic". Left out when changing a letter, it stays as it was.
        /// </summary>
        public string? Variation { get; set; }

        public string StatusOrDraft => Status ?? Letter.Draft;

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (!(Parts?.ToParts().All ?? []).Any(WritingLimits.HasText))
            {
                yield return new ValidationResult(NothingWritten, [nameof(Parts)]);
            }

            if (Status is not null && !Letter.Statuses.Contains(Status))
            {
                yield return new ValidationResult("status is \"draft\" or \"done\".", [nameof(Status)]);
            }

            var variations = validationContext.GetRequiredService<LetterVariations>();
            if (Variation is not null && variations.Find(Variation) is null)
            {
                yield return new ValidationResult(variations.Unknown, [nameof(Variation)]);
            }
        }

        public static Request From(Letter letter) => new() { Parts = PartsInput.From(letter.Written), Status = letter.Status, Variation = letter.Variation };
    }

    /// <summary>Each part is optional and up to 20,000 characters. Fields not listed here are refused.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed class PartsInput
    {
        /// <summary>Acknowledge the pain.</summary>
        [StringLength(WritingLimits.TextMaxLength, ErrorMessage = WritingLimits.TooLong)]
        public string? Acknowledge { get; set; }

        /// <summary>Why it makes sense, given your history; not your fault.</summary>
        [StringLength(WritingLimits.TextMaxLength, ErrorMessage = WritingLimits.TooLong)]
        public string? Understand { get; set; }

        /// <summary>Others feel this too.</summary>
        [StringLength(WritingLimits.TextMaxLength, ErrorMessage = WritingLimits.TooLong)]
        public string? CommonHumanity { get; set; }

        /// <summary>Without blame.</summary>
        [StringLength(WritingLimits.TextMaxLength, ErrorMessage = WritingLimits.TooLong)]
        public string? NoBlame { get; set; }

        /// <summary>What would help.</summary>
        [StringLength(WritingLimits.TextMaxLength, ErrorMessage = WritingLimits.TooLong)]
        public string? WhatWouldHelp { get; set; }

        /// <summary>Encouragement toward one step.</summary>
        [StringLength(WritingLimits.TextMaxLength, ErrorMessage = WritingLimits.TooLong)]
        public string? Encouragement { get; set; }

        /// <summary>A warm close.</summary>
        [StringLength(WritingLimits.TextMaxLength, ErrorMessage = WritingLimits.TooLong)]
        public string? Close { get; set; }

        public Letter.Parts ToParts() => new(Acknowledge, Understand, CommonHumanity, NoBlame, WhatWouldHelp, Encouragement, Close);

        public static PartsInput From(Letter.Parts parts) => new()
        {
            Acknowledge = parts.Acknowledge,
            Understand = parts.Understand,
            CommonHumanity = parts.CommonHumanity,
            NoBlame = parts.NoBlame,
            WhatWouldHelp = parts.WhatWouldHelp,
            Encouragement = parts.Encouragement,
            Close = parts.Close,
        };
    }

    /// <summary>Writes a new letter (<paramref name="id"/> null) or replaces one of the person's own; null when there is no such letter of theirs.</summary>
    public static async Task<Letter?> HandleAsync(
        Guid? id, Request request, Guid userId, AppDbContext db, LetterVariations variations, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        var now = WritingLimits.Now(clock);
        var parts = request.Parts?.ToParts() ?? throw new ArgumentException("The edge checks that a letter has parts.", nameof(request));
        Letter letter;
        if (id is null)
        {
            letter = Letter.Write(userId, now, parts, request.StatusOrDraft, request.Variation ?? LetterVariations.Default, variations);
            db.Letters.Add(letter);
        }
        else if (await db.Letters.FindOwnedForChangeAsync(id.Value, userId, cancellationToken) is { } found)
        {
            letter = found;
            letter.Replace(parts, request.StatusOrDraft, now, request.Variation, variations);
        }
        else
        {
            return null;
        }

        await db.SaveChangesAsync(cancellationToken);
        Log.Saved(logger, letter.Id, letter.Status);
        return letter;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7021, Level = LogLevel.Information, Message = "Letter {LetterId} saved ({Status})")]
        public static partial void Saved(ILogger logger, Guid letterId, string status);
    }
}
