namespace InnerAlly.Features.Measures;

/// <summary>
/// The words the measures pages use to describe scores and change, from Content/Measures/words.json,
/// for a clinician to review: warm plain words for the person, the exact figures beside them, and
/// the clinical wording (<see cref="Clinical"/>) kept for the care team's pages.
/// </summary>
public sealed record MeasureWords(
    string ClinicianNote,
    string Privacy,
    MeasureWords.CutoffWords Cutoff,
    IReadOnlyDictionary<string, string> Reliable,
    string ReliableMeaning,
    string NoReliableFigure,
    IReadOnlyDictionary<string, string> ClinicallySignificant,
    MeasureWords.FigureWords Figures,
    string FirstTime,
    string Prorated,
    string SubscalesForClinician,
    MeasureWords.ClinicalWords Clinical)
{
    public sealed record CutoffWords(string InRange, string OutOfRange);

    public sealed record FigureWords(string Summary, string Cutoff, string Reliable);

    public sealed record ClinicalWords(
        string InClinicalRange, string OutOfClinicalRange, IReadOnlyDictionary<string, string> Reliable, IReadOnlyDictionary<string, string> ClinicallySignificant);

    /// <summary>Fills a sentence's {value}, {threshold}, {label} and {source} from a scale's cut-off and reliable-change figure.</summary>
    public static string Fill(string sentence, Scale scale) => sentence
        .Replace("{value}", scale.Cutoff is { } c ? Band.Format(c.Value, scale.Decimals) : "", StringComparison.Ordinal)
        .Replace("{threshold}", scale.ReliableChange?.Threshold is { } t ? Band.Format(t, scale.Decimals) : "", StringComparison.Ordinal);

    /// <summary>Reads and checks the file; the app keeps one (MeasuresFeature.AddMeasures).</summary>
    public static MeasureWords Load() => ContentFiles.Read<MeasureWords>("Measures", "words.json", static (words, path) =>
    {
        foreach (var key in new[] { ScoreResponse.Improvement, ScoreResponse.Deterioration, ScoreResponse.NoChange })
        {
            if (!words.Reliable.ContainsKey(key) || !words.ClinicallySignificant.ContainsKey(key)
                || !words.Clinical.Reliable.ContainsKey(key) || !words.Clinical.ClinicallySignificant.ContainsKey(key))
            {
                throw new InvalidDataException($"{path} has no words for '{key}' under reliable and clinicallySignificant, and under clinical.");
            }
        }
    });
}
