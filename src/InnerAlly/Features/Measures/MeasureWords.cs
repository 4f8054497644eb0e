using System.Text.Json;

namespace InnerAlly.Features.Measures;

/// <summary>The words the measures pages use to describe scores and change, from Content/Measures/words.json, for a clinician to review.</summary>
public sealed record MeasureWords(
    string ClinicianNote,
    string Privacy,
    IReadOnlyDictionary<string, string> Reliable,
    string ReliableMeaning,
    string NoReliableFigure,
    IReadOnlyDictionary<string, string> ClinicallySignificant,
    string FirstTime,
    string Prorated,
    string SubscalesForClinician)
{
    private static readonly Lazy<MeasureWords> Loaded = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Content", "Measures", "words.json");
        using var stream = File.OpenRead(path);
        var words = JsonSerializer.Deserialize<MeasureWords>(stream, JsonSerializerOptions.Web) ?? throw new InvalidDataException($"{path} is empty.");
        foreach (var key in new[] { ScoreResponse.Improvement, ScoreResponse.Deterioration, ScoreResponse.NoChange })
        {
            if (!words.Reliable.ContainsKey(key) || !words.ClinicallySignificant.ContainsKey(key))
            {
                throw new InvalidDataException($"{path} has no words for '{key}' under reliable and clinicallySignificant.");
            }
        }

        return words;
    });

    public static MeasureWords Current => Loaded.Value;
}
