using System.Text.Json;

namespace InnerAlly.Features.Measures;

/// <summary>
/// One person's answers to one questionnaire: a draft while they are part-way through, complete
/// once every item is answered (or as many as the instrument allows). The answers are health data
/// and sealed at rest; scores are worked out from them whenever they are read, so they can never
/// disagree with the answers.
/// </summary>
public sealed class MeasureResponse : PersonalRow
{
    public const string Draft = "draft";
    public const string Complete = "complete";
    public const string Purpose = "InnerAlly.MeasureAnswers.v1";

    private MeasureResponse()
    {
    }

    public string InstrumentCode { get; private set; } = "";

    /// <summary>"draft" or "complete".</summary>
    public string Status { get; private set; } = Draft;

    public DateTime StartedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    /// <summary>The answers as JSON ({"1": 0, "2": 3, ...}), sealed at rest.</summary>
    public string AnswersJson { get; private set; } = "{}";

    public bool IsComplete => Status == Complete;

    /// <summary>The answers exactly as given, by item id.</summary>
    public IReadOnlyDictionary<string, int?> Answers =>
        JsonSerializer.Deserialize<Dictionary<string, int?>>(AnswersJson) ?? [];

    public static MeasureResponse Start(Guid userId, string instrumentCode, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        UserId = userId,
        InstrumentCode = instrumentCode,
        StartedAt = now.ToUniversalTime(),
        UpdatedAt = now.ToUniversalTime(),
    };

    /// <summary>Keeps the answers as a draft; the edge has checked every value already.</summary>
    public void SaveDraft(IReadOnlyDictionary<string, int?> answers, DateTime now)
    {
        if (IsComplete)
        {
            throw new InvalidOperationException("A complete response is not turned back into a draft.");
        }

        AnswersJson = Serialize(answers);
        UpdatedAt = now.ToUniversalTime();
    }

    /// <summary>Completes the response with these answers; the edge has checked they may be scored.</summary>
    public void Finish(IReadOnlyDictionary<string, int?> answers, DateTime now)
    {
        SaveDraft(answers, now);
        Status = Complete;
        CompletedAt = now.ToUniversalTime();
    }

    private static string Serialize(IReadOnlyDictionary<string, int?> answers) =>
        JsonSerializer.Serialize(answers.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value));
}
