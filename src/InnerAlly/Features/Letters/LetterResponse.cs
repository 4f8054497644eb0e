using System.Text.Json.Serialization;

namespace InnerAlly.Features.Letters;

/// <summary>A letter as the API answers with it.</summary>
/// <param name="Analysis">After a save: what the language engine noticed in the letter (positions count in its parts joined by blank lines).</param>
/// <param name="Safety">After a save: the risk check's outcome, with support if it found risk.</param>
public sealed record LetterResponse(
    Guid Id,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string Status,
    string Variation,
    Letter.Parts Parts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] WritingAnalysis? Analysis = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SafetyNotice? Safety = null)
{
    public static LetterResponse From(Letter l, AfterSaving? after = null) =>
        new(l.Id, l.CreatedAt, l.UpdatedAt, l.Status, l.Variation, l.Written, after?.Analysis, after?.Safety);
}
