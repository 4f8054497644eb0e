namespace InnerAlly.Features.Measures;

/// <summary>
/// Saves a person's answers to a questionnaire, as a draft or complete; called by the page and the
/// API alike. A person has at most one draft per questionnaire: saving again updates it, and
/// completing turns it into the complete response.
/// </summary>
public static partial class RecordResponse
{
    public sealed class Request
    {
        /// <summary>Answers by item number as published: {"1": 0, "2": 3, ...}; null or left out means not answered yet.</summary>
        public Dictionary<string, int?>? Answers { get; set; }

        /// <summary>"complete" (the default) or "draft", to keep the answers so far and finish later.</summary>
        public string? Status { get; set; }

        public bool IsDraft => Status == MeasureResponse.Draft;
    }

    /// <summary>Problems with a request, keyed by field ("answers.9", "status"); empty when it can be saved.</summary>
    public static Dictionary<string, string[]> Check(Instrument instrument, Request request)
    {
        if (request.Status is not (null or MeasureResponse.Complete or MeasureResponse.Draft))
        {
            return new() { ["status"] = ["status is \"complete\" or \"draft\"."] };
        }

        if (request.Answers is null)
        {
            return new() { ["answers"] = [$"Give the answers by item number, for example {{\"1\": {instrument.Options[0].Value}}}."] };
        }

        return ScoreResponse.Check(instrument, request.Answers, request.IsDraft);
    }

    /// <summary>Saves a request that <see cref="Check"/> found nothing wrong with.</summary>
    public static async Task<MeasureResponse> HandleAsync(
        Instrument instrument, Request request, Guid userId, AppDbContext db, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var response = await db.MeasureResponses.FirstOrDefaultAsync(
            r => r.UserId == userId && r.InstrumentCode == instrument.Code && r.Status == MeasureResponse.Draft, cancellationToken);
        if (response is null)
        {
            response = MeasureResponse.Start(userId, instrument.Code, now);
            db.MeasureResponses.Add(response);
        }

        if (request.IsDraft)
        {
            response.SaveDraft(request.Answers!, now);
        }
        else
        {
            response.Finish(request.Answers!, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        Log.Saved(logger, response.Id, response.Status);
        if (SafetyCategory(instrument, response) is not null)
        {
            // The page and the API then show the support notice; a therapist the person tells of it learns that it appeared.
            await CareTeam.RecordSafetyNotice.HandleAsync(userId, CareTeam.SafetyNoticeFeatures.Questionnaire, db, clock, logger, cancellationToken);
        }

        return response;
    }

    /// <summary>
    /// The safety category of the first safety item answered above its threshold (PHQ-9 item 9
    /// above "not at all"), or null: what the page and the API both follow up once the answers are saved.
    /// </summary>
    public static string? SafetyCategory(Instrument instrument, MeasureResponse saved) =>
        ScoreResponse.SafetyTriggered(instrument, saved.Answers) is [var first, ..] ? first.Category : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Questionnaire response {ResponseId} saved ({Status})")]
        public static partial void Saved(ILogger logger, Guid responseId, string status);
    }
}
