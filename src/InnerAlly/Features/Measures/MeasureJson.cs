using System.Text.Json.Serialization;

namespace InnerAlly.Features.Measures;

/// <summary>How the API shows instruments, responses, scores and change.</summary>
public static class MeasureJson
{
    public sealed record InstrumentSummary(string Code, string Title, string ShortTitle, string About, int Items, string Attribution);

    public sealed record InstrumentList(IReadOnlyList<InstrumentSummary> Items);

    /// <param name="Answers">Exactly as given, by item number.</param>
    /// <param name="Scores">Null for a draft: an incomplete response is never scored.</param>
    /// <param name="Safety">Only right after saving: whether an answer (PHQ-9 item 9 above 0) opened the safety flow, with support if so.</param>
    public sealed record ResponseBody(
        Guid Id,
        string Instrument,
        string Status,
        DateTime StartedAt,
        DateTime UpdatedAt,
        DateTime? CompletedAt,
        IReadOnlyDictionary<string, int?> Answers,
        ScoresBody? Scores,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SafetyNotice? Safety = null);

    public sealed record ResponseList(IReadOnlyList<ResponseBody> Items);

    /// <param name="Total">Null when the instrument has no total (its subscales are the scores).</param>
    /// <param name="Prorated">True when items were missing within what the instrument allows, named in <paramref name="MissingItems"/>.</param>
    public sealed record ScoresBody(
        decimal? Total, RangeBody? Range, BandBody? Band, CutoffBody? Cutoff, IReadOnlyList<SubscaleBody> Subscales, bool Prorated, IReadOnlyList<string> MissingItems, ChangeBody? Change);

    public sealed record RangeBody(decimal Min, decimal Max, bool HigherIsBetter);

    public sealed record BandBody(string Label, decimal Min, decimal Max);

    /// <param name="InClinicalRange">At or above the cut-off (at or below, where a higher score is better).</param>
    public sealed record CutoffBody(decimal Value, string Label, bool InClinicalRange);

    /// <param name="ClinicianOnly">The definition says this subscale is for a clinician to read (for example, less reliable than the total).</param>
    public sealed record SubscaleBody(string Code, string Title, decimal Score, BandBody? Band, bool ClinicianOnly, ChangeBody? Change);

    /// <summary>Compared with the person's first and previous complete response; both null on the first.</summary>
    public sealed record ChangeBody(ComparisonBody? FromFirst, ComparisonBody? FromPrevious);

    /// <param name="Reliable">"improvement", "deterioration" or "none"; null when the instrument publishes no reliable-change figure.</param>
    /// <param name="Index">Jacobson and Truax's reliable change index, for instruments defined by SD and reliability.</param>
    /// <param name="ClinicallySignificant">"improvement", "deterioration" or "none"; null without a cut-off.</param>
    public sealed record ComparisonBody(Guid FromId, DateTime FromCompletedAt, decimal From, decimal To, decimal Difference, string? Reliable, double? Index, string? ClinicallySignificant);

    public static InstrumentSummary Summary(Instrument i) => new(i.Code, i.Title, i.ShortTitle, i.About, i.Items.Count, i.Attribution);

    public static ResponseBody From(Instrument instrument, MeasureHistory.Entry entry, SafetyNotice? safety = null)
    {
        var r = entry.Response;
        return new ResponseBody(r.Id, r.InstrumentCode, r.Status, r.StartedAt, r.UpdatedAt, r.CompletedAt, r.Answers, Scores(instrument, entry), safety);
    }

    private static ScoresBody? Scores(Instrument instrument, MeasureHistory.Entry entry)
    {
        if (entry.Scores is not { } scores)
        {
            return null;
        }

        var total = instrument.Total;
        (decimal Min, decimal Max)? range = total is null ? null : ScoreResponse.RangeOf(total, instrument, instrument.Items.Count);
        return new ScoresBody(
            scores.Total?.Value,
            range is { } r ? new RangeBody(r.Min, r.Max, total!.HigherIsBetter) : null,
            Band(scores.Total?.Band),
            total?.Cutoff is { } cutoff && scores.Total is { } t ? new CutoffBody(cutoff.Value, cutoff.Label, t.InClinicalRange == true) : null,
            [.. scores.Subscales.Select(s => new SubscaleBody(
                s.Subscale.Code, s.Subscale.Title, s.Score.Value, Band(s.Score.Band), s.Subscale.ClinicianOnly,
                Change(entry.SubscaleChanges.GetValueOrDefault(s.Subscale.Code))))],
            scores.Prorated,
            scores.MissingItems,
            Change(entry.TotalChange));
    }

    private static BandBody? Band(Band? band) => band is null ? null : new BandBody(band.Label, band.Min, band.Max);

    private static ChangeBody? Change(MeasureHistory.Changes? changes) =>
        changes is null ? null : new ChangeBody(Comparison(changes.FromFirst), Comparison(changes.FromPrevious));

    private static ComparisonBody? Comparison(MeasureHistory.Comparison? c) =>
        c is null ? null : new ComparisonBody(c.From.Id, c.From.CompletedAt!.Value, c.Change.From, c.Change.To, c.Change.Difference, c.Change.Reliable, c.Change.Index, c.Change.ClinicallySignificant);
}
