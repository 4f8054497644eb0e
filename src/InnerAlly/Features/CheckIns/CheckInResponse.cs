namespace InnerAlly.Features.CheckIns;

public sealed record CheckInResponse(
    Guid Id,
    DateTime RecordedAt,
    int Threat,
    int Drive,
    int Soothe,
    IReadOnlyList<string> Emotions,
    string? Note)
{
    public static CheckInResponse From(CheckIn c) =>
        new(c.Id, c.RecordedAt, c.Threat, c.Drive, c.Soothe, c.Emotions, c.Note);
}
