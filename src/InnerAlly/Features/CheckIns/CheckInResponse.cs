using System.Text.Json.Serialization;

namespace InnerAlly.Features.CheckIns;

/// <param name="Safety">Only when a note was just saved: what the risk check found, with support if it found risk.</param>
public sealed record CheckInResponse(
    Guid Id,
    DateTime RecordedAt,
    int Threat,
    int Drive,
    int Soothe,
    IReadOnlyList<string> Emotions,
    string? Note,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SafetyNotice? Safety = null)
{
    public static CheckInResponse From(CheckIn c, SafetyNotice? safety = null) =>
        new(c.Id, c.RecordedAt, c.Threat, c.Drive, c.Soothe, c.Emotions, c.Note, safety);
}
