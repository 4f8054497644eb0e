using System.Collections.Frozen;
using System.Text.Json;

namespace InnerAlly.Features.Measures;

/// <summary>
/// Every instrument the app offers: ours from Content/Instruments and a clinic's from its own folder.
/// Each definition is checked when the app starts, and any problem stops it with the file and the
/// problem named, so a wrong scoring rule never reaches a person.
/// </summary>
public sealed class InstrumentCatalog
{
    private readonly FrozenDictionary<string, Instrument> _byCode;

    public InstrumentCatalog(IEnumerable<string> folders)
    {
        var found = new Dictionary<string, (Instrument Instrument, string File)>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                if (Read(file, problems) is not { } instrument)
                {
                    continue;
                }

                if (found.TryGetValue(instrument.Code, out var earlier))
                {
                    problems.Add($"{file}: the code '{instrument.Code}' is already used by {earlier.File}; each instrument needs its own code.");
                    continue;
                }

                found[instrument.Code] = (instrument, file);
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException("Some questionnaire definitions cannot be used:\n" + string.Join('\n', problems.Select(p => "- " + p)));
        }

        All = [.. found.Values.Select(f => f.Instrument)];
        _byCode = All.ToFrozenDictionary(i => i.Code, StringComparer.Ordinal);
    }

    /// <summary>The shipped instruments first, then a clinic's, each folder in file-name order.</summary>
    public IReadOnlyList<Instrument> All { get; }

    public Instrument? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var instrument) ? instrument : null;

    /// <summary>Our folder, then the clinic's when one is configured.</summary>
    public static IEnumerable<string> Folders(MeasuresOptions options) =>
        new[] { Path.Combine(AppContext.BaseDirectory, "Content", "Instruments"), options.InstrumentsFolder }.OfType<string>();

    private static Instrument? Read(string file, List<string> problems)
    {
        Instrument? instrument;
        try
        {
            using var stream = File.OpenRead(file);
            instrument = JsonSerializer.Deserialize<Instrument>(stream, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            problems.Add($"{file}: {e.Message}");
            return null;
        }

        if (instrument is null)
        {
            problems.Add($"{file}: the file is empty.");
            return null;
        }

        var before = problems.Count;
        problems.AddRange(InstrumentCheck.Problems(instrument).Select(p => $"{file}: {p}"));
        return problems.Count == before ? instrument : null;
    }
}
