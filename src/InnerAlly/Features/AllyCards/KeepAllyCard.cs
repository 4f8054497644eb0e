using System.Text.Json.Serialization;
using InnerAlly.Language;

namespace InnerAlly.Features.AllyCards;

/// <summary>Keeps kind words as an ally card; called by the pages and the API alike. Cards are kept or removed, never changed.</summary>
public static partial class KeepAllyCard
{
    /// <summary>The analysis and the risk check both read the card's words.</summary>
    public static SavedWords Words(AllyCard card) => new(card.Text, card.Text, TextSetting.Card);

    public const string UnknownRecord = "There is no critic-to-ally record of yours with this id.";
    public const string UnknownLetter = "There is no letter of yours with this id.";

    /// <summary>The words to keep, and where they came from, if anywhere. Fields not listed here are refused.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed class Request : IValidatableObject
    {
        /// <summary>The kind words, up to 20,000 characters.</summary>
        [Required(AllowEmptyStrings = false, ErrorMessage = "Write the words you would like to keep on this card.")]
        [StringLength(WritingLimits.TextMaxLength, ErrorMessage = WritingLimits.TooLong)]
        public string? Text { get; set; }

        /// <summary>One of your critic-to-ally records the words came from.</summary>
        public Guid? AllyRecordId { get; set; }

        /// <summary>One of your letters the words came from.</summary>
        public Guid? LetterId { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (AllyRecordId is not null && LetterId is not null)
            {
                yield return new ValidationResult("A card can come from a record or from a letter, not both.", [nameof(LetterId)]);
            }
        }
    }

    /// <summary>Keeps a new card; a record or letter it names must be the person's own.</summary>
    public static async Task<SaveResult<AllyCard>> HandleAsync(
        Request request, Guid userId, AppDbContext db, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        if (request.AllyRecordId is { } recordId && !await db.AllyRecords.AnyAsync(r => r.Id == recordId && r.UserId == userId, cancellationToken))
        {
            return SaveResult.Problem<AllyCard>("allyRecordId", UnknownRecord);
        }

        if (request.LetterId is { } letterId && !await db.Letters.AnyAsync(l => l.Id == letterId && l.UserId == userId, cancellationToken))
        {
            return SaveResult.Problem<AllyCard>("letterId", UnknownLetter);
        }

        var card = AllyCard.Keep(userId, WritingLimits.Now(clock), request.Text!, request.AllyRecordId, request.LetterId);
        db.AllyCards.Add(card);
        await db.SaveChangesAsync(cancellationToken);
        Log.Kept(logger, card.Id);
        return new(card, null);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7031, Level = LogLevel.Information, Message = "Ally card {CardId} kept")]
        public static partial void Kept(ILogger logger, Guid cardId);
    }
}
