namespace InnerAlly.Features.Measures;

/// <summary>
/// A person's own responses to one questionnaire, oldest first, each complete one scored and
/// compared with their first and their previous complete response.
/// </summary>
public static class MeasureHistory
{
    /// <summary>A response with its scores (null for a draft) and how each score compares.</summary>
    public sealed record Entry(MeasureResponse Response, ScoreResponse.Scores? Scores, Changes? TotalChange, IReadOnlyDictionary<string, Changes> SubscaleChanges);

    public sealed record Changes(Comparison? FromFirst, Comparison? FromPrevious);

    public sealed record Comparison(MeasureResponse From, ScoreResponse.Change Change);

    /// <summary>The person's responses to this questionnaire: complete ones in the order they were completed, then any draft.</summary>
    public static async Task<IReadOnlyList<MeasureResponse>> ResponsesAsync(Guid userId, string code, AppDbContext db, CancellationToken cancellationToken)
    {
        var responses = await db.MeasureResponses.AsNoTracking()
            .Where(r => r.UserId == userId && r.InstrumentCode == code)
            .ToListAsync(cancellationToken);
        return InOrder(responses);
    }

    /// <summary>Complete responses in the order they were completed, then any draft: the order <see cref="Read"/> compares them in.</summary>
    public static IReadOnlyList<MeasureResponse> InOrder(IEnumerable<MeasureResponse> responses) =>
        [.. responses.OrderBy(r => r.CompletedAt is null).ThenBy(r => r.CompletedAt).ThenBy(r => r.UpdatedAt)];

    public static async Task<IReadOnlyList<Entry>> ListAsync(Instrument instrument, Guid userId, AppDbContext db, CancellationToken cancellationToken) =>
        Read(instrument, await ResponsesAsync(userId, instrument.Code, db, cancellationToken));

    /// <summary>One of the person's responses, with its comparisons; null when they have no such response.</summary>
    public static async Task<Entry?> FindAsync(Instrument instrument, Guid id, Guid userId, AppDbContext db, CancellationToken cancellationToken) =>
        (await ListAsync(instrument, userId, db, cancellationToken)).FirstOrDefault(e => e.Response.Id == id);

    /// <summary>The person's draft of this questionnaire, if they left one part-way.</summary>
    public static Task<MeasureResponse?> DraftAsync(string code, Guid userId, AppDbContext db, CancellationToken cancellationToken) =>
        db.MeasureResponses.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.InstrumentCode == code && r.Status == MeasureResponse.Draft, cancellationToken);

    /// <summary>Scores each complete response and compares it with the first and the previous that have the same score.</summary>
    public static IReadOnlyList<Entry> Read(Instrument instrument, IReadOnlyList<MeasureResponse> responses)
    {
        var entries = new List<Entry>();
        var scored = new List<(MeasureResponse Response, ScoreResponse.Scores Scores)>();
        foreach (var response in responses)
        {
            var scores = response.IsComplete ? ScoreResponse.Score(instrument, response.Answers) : null;
            if (scores is null)
            {
                entries.Add(new Entry(response, null, null, new Dictionary<string, Changes>()));
                continue;
            }

            var total = instrument.Total is { } totalScale && scores.Total is { } now
                ? ChangesFor(totalScale, now.Value, scored.Where(s => s.Scores.Total is not null).Select(s => (s.Response, s.Scores.Total!.Value)).ToList())
                : null;
            var subscales = new Dictionary<string, Changes>(StringComparer.Ordinal);
            foreach (var subscale in scores.Subscales)
            {
                var earlier = scored
                    .Select(s => (s.Response, Score: s.Scores.Subscales.FirstOrDefault(x => x.Subscale.Code == subscale.Subscale.Code)))
                    .Where(s => s.Score is not null)
                    .Select(s => (s.Response, s.Score!.Score.Value))
                    .ToList();
                subscales[subscale.Subscale.Code] = ChangesFor(subscale.Subscale, subscale.Score.Value, earlier);
            }

            entries.Add(new Entry(response, scores, total, subscales));
            scored.Add((response, scores));
        }

        return entries;
    }

    private static Changes ChangesFor(Scale scale, decimal now, List<(MeasureResponse Response, decimal Value)> earlier) =>
        earlier.Count == 0
            ? new Changes(null, null)
            : new Changes(
                new Comparison(earlier[0].Response, ScoreResponse.Compare(scale, earlier[0].Value, now)),
                new Comparison(earlier[^1].Response, ScoreResponse.Compare(scale, earlier[^1].Value, now)));

    /// <summary>Deletes one of the person's responses; false when they have no such response.</summary>
    public static async Task<bool> DeleteAsync(string code, Guid id, Guid userId, AppDbContext db, CancellationToken cancellationToken) =>
        await db.MeasureResponses.Where(r => r.Id == id && r.UserId == userId && r.InstrumentCode == code).ExecuteDeleteAsync(cancellationToken) > 0;
}
