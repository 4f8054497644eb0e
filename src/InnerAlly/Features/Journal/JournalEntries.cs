using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Serialization;
using InnerAlly.Data;
using InnerAlly.Features.Safety;
using InnerAlly.Features.Writing;
using InnerAlly.Language;
using Microsoft.EntityFrameworkCore;

namespace InnerAlly.Features.Journal;

/// <summary>Writing, changing and finding journal entries; called by the pages and the API alike.</summary>
public sealed partial class JournalEntries : IWritingApi<JournalEntry, JournalEntries.Request, JournalEntries.Response>
{
    private JournalEntries()
    {
    }

    public const int SearchMaxLength = 200;

    /// <summary>
    /// The analysis reads the entry's text; the risk check reads the text, the person's tags and a
    /// prompt they wrote themselves, but not one of our own prompts: our words are not theirs, and
    /// read with theirs they made an ordinary answer look like risk (issue 14).
    /// </summary>
    public static WritingKind<JournalEntry> Kind { get; } = new(
        "journal",
        "journal entry",
        "/api/v1/journal-entries",
        db => db.JournalEntries,
        e => (e.Text, WritingFollowUp.Join([e.Text, WritingContent.Journal.Prompts.Contains(e.Prompt) ? null : e.Prompt, string.Join(", ", e.Tags)])),
        e => WritingKinds.FirstWords(e.Text),
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

    /// <param name="Analysis">After a save: what the language engine noticed in the text.</param>
    /// <param name="Safety">After a save: the risk check's outcome, with support if it found risk.</param>
    public sealed record Response(
        Guid Id,
        DateTime CreatedAt,
        DateTime UpdatedAt,
        string Text,
        string? Prompt,
        IReadOnlyList<string> Tags,
        Guid? CheckInId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] WritingAnalysis? Analysis = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SafetyNotice? Safety = null)
    {
        public static Response From(JournalEntry e, AfterSaving? after) =>
            new(e.Id, e.CreatedAt, e.UpdatedAt, e.Text, e.Prompt, e.Tags, e.CheckInId, after?.Analysis, after?.Safety);
    }

    public const string UnknownCheckIn = "There is no check-in of yours with this id. Leave it out, or choose one of your own check-ins.";

    /// <summary>Writes a new entry (<paramref name="id"/> null) or replaces one of the person's own; nothing changes unless all of it is right.</summary>
    public static async Task<SaveResult<JournalEntry>> SaveAsync(
        Guid? id, Request request, Guid userId, AppDbContext db, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        JournalEntry? entry = null;
        if (id is { } existing && (entry = await Kind.FindForChangeAsync(db, existing, userId, cancellationToken)) is null)
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

    /// <summary>
    /// Whether an entry matches a search: every word of <paramref name="words"/> somewhere in its
    /// text, prompt or tags (ignoring case and accents), and <paramref name="tag"/> among its tags.
    /// Null when there is nothing to search for. Runs on entries already opened in memory.
    /// </summary>
    public static Func<JournalEntry, bool>? Matcher(string? words, string? tag)
    {
        var terms = (words ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var wanted = JournalTags.Tidy([tag]) is [var first, ..] ? first : null;
        if (terms.Length == 0 && wanted is null)
        {
            return null;
        }

        return e => (wanted is null || e.Tags.Contains(wanted, StringComparer.OrdinalIgnoreCase))
            && terms.All(term => Has(e.Text, term) || Has(e.Prompt, term) || e.Tags.Any(t => Has(t, term)));
    }

    private static bool Has(string? text, string term) =>
        text is not null && CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, term, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;

    /// <summary>Every tag the person has used, most used first, for the page's tag list.</summary>
    public static async Task<IReadOnlyList<(string Tag, int Entries)>> TagsAsync(Guid userId, AppDbContext db, CancellationToken cancellationToken)
    {
        var lists = await db.JournalEntries.AsNoTracking().Where(e => e.UserId == userId).Select(e => e.Tags).ToListAsync(cancellationToken);
        return [.. lists.SelectMany(t => t)
            .GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.First(), g.Count()))
            .OrderByDescending(t => t.Item2)
            .ThenBy(t => t.Item1, StringComparer.OrdinalIgnoreCase)];
    }

    public static Response Respond(JournalEntry item, AfterSaving? after) => Response.From(item, after);

    private static partial class Log
    {
        [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Journal entry {EntryId} saved")]
        public static partial void Saved(ILogger logger, Guid entryId);
    }
}
