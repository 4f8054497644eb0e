using System.Text.Json.Serialization;

namespace InnerAlly.Features.AllyCards;

/// <summary>An ally card as the API answers with it.</summary>
/// <param name="Analysis">After a save: what the language engine noticed in the words.</param>
/// <param name="Safety">After a save: the risk check's outcome, with support if it found risk.</param>
public sealed record AllyCardResponse(
    Guid Id,
    DateTime CreatedAt,
    string Text,
    Guid? AllyRecordId,
    Guid? LetterId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] WritingAnalysis? Analysis = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SafetyNotice? Safety = null)
{
    public static AllyCardResponse From(AllyCard c, AfterSaving? after = null) =>
        new(c.Id, c.CreatedAt, c.Text, c.AllyRecordId, c.LetterId, after?.Analysis, after?.Safety);
}
