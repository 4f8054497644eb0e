using System.Text.Json.Serialization;

namespace InnerAlly.Features.Journal;

/// <summary>A journal entry as the API answers with it.</summary>
/// <param name="Analysis">After a save: what the language engine noticed in the text.</param>
/// <param name="Safety">After a save: the risk check's outcome, with support if it found risk.</param>
public sealed record JournalEntryResponse(
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
    public static JournalEntryResponse From(JournalEntry e, AfterSaving? after = null) =>
        new(e.Id, e.CreatedAt, e.UpdatedAt, e.Text, e.Prompt, e.Tags, e.CheckInId, after?.Analysis, after?.Safety);
}
