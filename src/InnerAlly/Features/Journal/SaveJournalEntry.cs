using System.Text.Json.Serialization;
using InnerAlly.Language;

namespace InnerAlly.Features.Journal;

/// <summary>Writes a journal entry or changes one; called by the pages and the API alike.</summary>
public static partial class SaveJournalEntry
{
    /// <summary>
    /// The analysis reads the entry's text; the risk check reads the text, the person's tags and a
    /// prompt they wrote themselves, but not one of our own prompts: our words are not theirs, and
    /// read with theirs they made an ordinary answer look like risk (issue 14).
    /// </summary>
    public static SavedWords Words(JournalEntry entry, WritingContent writing) => new(
        entry.Text,
        WritingFollowUp.Join([entry.Text, writing.Journal.Prompts.Contains(entry.Prompt) ? null : entry.Prompt, string.Join(", ", entry.Tags)]),
        TextSetting.Journal);

    /// <summary>What a person writes. Fields not listed here are refused.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed class Request : IValidatableObject
    {
        /// <summary>The entry, up to 20,000 characters.</summary>
        [Required(AllowEmptyStrings = false, ErrorMessage = "Write a few words first. There is no wrong way to do it.")]
        [StringLength(WritingLimits.TextMaxLength, ErrorMessage = WritingLimits.TooLong)]
        public string? Text { get; set; }

        /// <summary>The prompt the entry answers, if any.</summary>
        [StringLength(JournalEntry.PromptMaxLength, ErrorMessage = "A prompt can be up to 500 characters.")]
        public string? Prompt { get; set; }

        /// <summary>Up to 10 tags of up to 40 characters; spaces are tidied and repeats dropped.</summary>
        public List<string?>? Tags { get; set; }

        /// <summary>One of your check-ins, to keep the entry beside.</summary>
        public Guid? CheckInId { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (JournalTags.Problem(JournalTags.Tidy(Tags)) is { } problem)
            {
                yield return new ValidationResult(problem, [nameof(Tags)]);
            }
        }

        public static Request From(JournalEntry entry) => new()
        {
            Text = entry.Text,
            Prompt = entry.Prompt,
            Tags = [.. entry.Tags],
            CheckInId = entry.CheckInId,
        };
    }

    public const string UnknownCheckIn = "There is no check-in of yours with this id. Leave it out, or choose one of your own check-ins.";

    /// <summary>Writes a new entry (<paramref name="id"/> null) or replaces one of the person's own; nothing changes unless all of it is right.</summary>
    public static async Task<SaveResult<JournalEntry>> HandleAsync(
        Guid? id, Request request, Guid userId, AppDbContext db, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        JournalEntry? entry = null;
        if (id is { } existing && (entry = await db.JournalEntries.FindOwnedForChangeAsync(existing, userId, cancellationToken)) is null)
        {
            return SaveResult.NotFound<JournalEntry>();
        }

        if (request.CheckInId is { } checkInId && !await db.CheckIns.AnyAsync(c => c.Id == checkInId && c.UserId == userId, cancellationToken))
        {
            return SaveResult.Problem<JournalEntry>("checkInId", UnknownCheckIn);
        }

        var content = new JournalEntry.Content(request.Text!, request.Prompt, JournalTags.Tidy(request.Tags), request.CheckInId);
        var now = WritingLimits.Now(clock);
        if (entry is null)
        {
            entry = JournalEntry.Write(userId, now, content);
            db.JournalEntries.Add(entry);
        }
        else
        {
            entry.Replace(content, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        Log.Saved(logger, entry.Id);
        return new(entry, null);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Journal entry {EntryId} saved")]
        public static partial void Saved(ILogger logger, Guid entryId);
    }
}
