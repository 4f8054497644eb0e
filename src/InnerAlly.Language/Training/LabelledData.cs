using System.Text.Json;
using System.Text.Json.Serialization;

namespace InnerAlly.Language.Training;

/// <summary>Reads the labelled sentences in Training/ and Development/ (JSON Lines, written for this project).</summary>
public static class LabelledData
{
    public sealed record TrapLine(string Text, IReadOnlyList<string> Traps, string? Voice);

    public sealed record RiskLine(string Text, string Risk, string? Kind, string? Voice);

    public sealed record SelfCriticismLine(string Text, string Form, string? Voice);

    public static List<TrapLine> Traps(string path) => Read<TrapLine>(path, l =>
    {
        foreach (var trap in l.Traps ?? throw new InvalidDataException("traps is missing"))
        {
            Expect(ThinkingTraps.All.Contains(trap), $"unknown trap \"{trap}\"");
        }
    });

    public static List<RiskLine> Risk(string path) => Read<RiskLine>(path, l =>
        Expect(RiskCategories.All.Contains(l.Risk), $"unknown risk \"{l.Risk}\""));

    public static List<SelfCriticismLine> SelfCriticism(string path) => Read<SelfCriticismLine>(path, l =>
        Expect(SelfCriticismForms.All.Contains(l.Form), $"unknown form \"{l.Form}\""));

    /// <summary>The position of <paramref name="label"/> among <paramref name="classes"/>; a label not among them is an error in the data.</summary>
    public static int IndexOf(IReadOnlyList<string> classes, string label)
    {
        for (var i = 0; i < classes.Count; i++)
        {
            if (classes[i] == label)
            {
                return i;
            }
        }

        throw new InvalidDataException($"Unknown label \"{label}\".");
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    private static List<T> Read<T>(string path, Action<T> check)
        where T : class
    {
        var lines = new List<T>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            try
            {
                var line = JsonSerializer.Deserialize<T>(raw, Json) ?? throw new InvalidDataException("empty line");
                check(line);
                lines.Add(line);
            }
            catch (Exception e) when (e is JsonException or InvalidDataException)
            {
                throw new InvalidDataException($"{path}:{number}: {e.Message}", e);
            }
        }

        return lines;
    }

    private static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidDataException(message);
        }
    }

    /// <summary>Finds the repository's folder of the given name from the working directory or the binary's, for train and evaluate.</summary>
    public static string? FindUp(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate) || Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
