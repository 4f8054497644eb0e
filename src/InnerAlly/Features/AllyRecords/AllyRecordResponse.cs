using System.Text.Json.Serialization;

namespace InnerAlly.Features.AllyRecords;

/// <summary>A critic-to-ally record as the API answers with it.</summary>
/// <param name="Analysis">After a save: what the language engine noticed in the critic's words.</param>
/// <param name="Safety">After a save: the risk check's outcome, with support if it found risk.</param>
public sealed record AllyRecordResponse(
    Guid Id,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? Situation,
    string? CriticWords,
    AllyRecordResponse.FeelingsResponse Feelings,
    string? CriticFear,
    string? AllyWisdom,
    string? AllyStrength,
    string? AllyWarmth,
    string? Action,
    int? HarshnessBefore,
    int? HarshnessAfter,
    int? BeliefBefore,
    int? BeliefAfter,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] WritingAnalysis? Analysis = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SafetyNotice? Safety = null)
{
    public sealed record FeelingsResponse(IReadOnlyList<string> Emotions, string? Body);

    public static AllyRecordResponse From(AllyRecord r, AfterSaving? after = null) => new(
        r.Id, r.CreatedAt, r.UpdatedAt, r.Situation, r.CriticWords, new(r.Emotions, r.FeelingsBody), r.CriticFear,
        r.AllyWisdom, r.AllyStrength, r.AllyWarmth, r.Action, r.HarshnessBefore, r.HarshnessAfter, r.BeliefBefore, r.BeliefAfter,
        after?.Analysis, after?.Safety);
}
