using System.Collections.Frozen;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace InnerAlly.Features.Practices;

/// <summary>
/// The practice library, read from Content/Practices/*.yaml so a clinician can review every
/// script without reading C#. Each file is checked when it is read: a practice that would play
/// wrongly (steps that do not add up to its lengths, a missing "when it feels hard" note) stops
/// the app with a message naming the file, rather than reaching a person half-made. One for the
/// app (PracticesFeature.AddPractices), made as it starts.
/// </summary>
public sealed class PracticeCatalog
{
    public static readonly FrozenSet<string> SystemIds = FrozenSet.Create(StringComparer.Ordinal, "threat", "drive", "soothe");
    public static readonly FrozenSet<string> Kinds = FrozenSet.Create(StringComparer.Ordinal, "breathing", "imagery", "words", "action", "body", "attention");

    /// <summary>The library's groups, in CFT's training sequence; their names and words are in Content/Practices/groups.json.</summary>
    public static readonly IReadOnlyList<string> GroupIds =
        ["start-here", "soothing-the-body", "imagery", "compassionate-self", "compassion-flowing", "compassion-in-action"];

    private readonly Library _loaded = Load(Path.Combine(AppContext.BaseDirectory, "Content", "Practices"));

    /// <summary>Every practice, in the order a newcomer meets them (breathing first).</summary>
    public IReadOnlyList<Practice> All => _loaded.Practices;

    public Practice? Find(string? id) => id is null ? null : _loaded.ById.GetValueOrDefault(id);

    /// <summary>The practice's title, or its id when the library no longer has it (a session logged before it was taken out).</summary>
    public string TitleOf(string id) => Find(id)?.Title ?? id;

    public sealed record Library(IReadOnlyList<Practice> Practices, FrozenDictionary<string, Practice> ById);

    /// <summary>Reads and checks every practice file in <paramref name="folder"/>.</summary>
    public static Library Load(string folder)
    {
        var practices = new List<Practice>();
        foreach (var file in Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            PracticeFile parsed;
            try
            {
                parsed = Parse(File.ReadAllText(file));
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                throw new InvalidDataException($"{file}: {e.Message}", e);
            }

            var problems = Problems(parsed, Path.GetFileNameWithoutExtension(file)).ToList();
            if (problems.Count > 0)
            {
                throw new InvalidDataException($"{file}: {string.Join(" ", problems)}");
            }

            practices.Add(parsed.ToPractice());
        }

        var ordered = practices
            .OrderBy(p => p.Order)
            .ThenBy(p => p.Title, StringComparer.Ordinal)
            .ToList();
        return new Library(ordered, ordered.ToFrozenDictionary(p => p.Id, StringComparer.Ordinal));
    }

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>Reads one practice file's text, unchecked.</summary>
    public static PracticeFile Parse(string yaml) =>
        Yaml.Deserialize<PracticeFile>(yaml) ?? throw new InvalidDataException("The file is empty.");

    /// <summary>What is wrong with a practice file, in words a content editor can act on.</summary>
    public static IEnumerable<string> Problems(PracticeFile file, string fileName)
    {
        if (file.Id != fileName)
        {
            yield return $"id '{file.Id}' should match the file name '{fileName}'.";
        }

        foreach (var (name, value) in new[]
        {
            ("title", file.Title), ("summary", file.Summary), ("purpose", file.Purpose),
            ("whenToUse", file.WhenToUse), ("whenHard", file.WhenHard),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"{name} is missing.";
            }
        }

        if (file.Systems is not { Count: > 0 } || file.Systems.Any(s => !SystemIds.Contains(s)))
        {
            yield return "systems lists one or more of threat, drive, soothe.";
        }

        if (file.Kind is null || !Kinds.Contains(file.Kind))
        {
            yield return $"kind is one of {string.Join(", ", Kinds.Order(StringComparer.Ordinal))}.";
        }

        if (file.Group is null || !GroupIds.Contains(file.Group))
        {
            yield return $"group is one of {string.Join(", ", GroupIds)}.";
        }

        if (file.Lengths is not { Count: > 0 } || file.Lengths.Any(l => l is < 1 or > 60) || file.Lengths.Distinct().Count() != file.Lengths.Count)
        {
            yield return "lengths lists different whole minutes from 1 to 60.";
            yield break;
        }

        if (file.Steps is not { Count: > 0 })
        {
            yield return "steps are missing.";
            yield break;
        }

        for (var i = 0; i < file.Steps.Count; i++)
        {
            var step = file.Steps[i];
            if (string.IsNullOrWhiteSpace(step.Text))
            {
                yield return $"step {i + 1} has no text.";
            }

            if (step.Seconds is not { Count: > 0 })
            {
                yield return $"step {i + 1} has no seconds.";
                continue;
            }

            foreach (var (minutes, seconds) in step.Seconds)
            {
                if (!file.Lengths.Contains(minutes))
                {
                    yield return $"step {i + 1} gives seconds for {minutes} minutes, which is not one of the lengths.";
                }

                if (seconds is < 5 or > 600)
                {
                    yield return $"step {i + 1} lasts {seconds} s in the {minutes}-minute version; a step lasts 5 to 600 s.";
                }
            }
        }

        foreach (var minutes in file.Lengths)
        {
            var steps = file.Steps.Where(s => s.Seconds?.ContainsKey(minutes) == true).ToList();
            var total = steps.Sum(s => s.Seconds![minutes]);
            if (total != minutes * 60)
            {
                yield return $"the {minutes}-minute version's steps add up to {total} s, not {minutes * 60} s.";
            }

            if (steps.Count < 3)
            {
                yield return $"the {minutes}-minute version has {steps.Count} steps; it needs at least 3.";
            }
        }
    }

    /// <summary>A practice file as written; see Content/Practices/README.md.</summary>
    public sealed class PracticeFile
    {
        public string Id { get; set; } = "";

        public string Title { get; set; } = "";

        public string Summary { get; set; } = "";

        public List<string>? Systems { get; set; }

        public string? Kind { get; set; }

        /// <summary>Which group of the library it sits in (<see cref="GroupIds"/>).</summary>
        public string? Group { get; set; }

        public string Purpose { get; set; } = "";

        public string WhenToUse { get; set; } = "";

        public string WhenHard { get; set; } = "";

        public List<int>? Lengths { get; set; }

        /// <summary>Where the practice sits in the library; lower comes first.</summary>
        public int Order { get; set; } = 100;

        public List<StepFile>? Steps { get; set; }

        internal Practice ToPractice() => new(
            Id, Title.Trim(), Summary.Trim(), [.. Systems!], Kind!, Group!, Purpose.Trim(), WhenToUse.Trim(), WhenHard.Trim(),
            [.. Lengths!.Order()], Order,
            [.. Steps!.Select(s => new ScriptStep(s.Text.Trim(), s.Seconds!.ToFrozenDictionary()))]);
    }

    public sealed class StepFile
    {
        public string Text { get; set; } = "";

        /// <summary>Seconds this step lasts in each length (minutes); a length it is missing from leaves it out.</summary>
        public Dictionary<int, int>? Seconds { get; set; }
    }
}

/// <summary>One practice in the library: what it is for, and its script in each length.</summary>
public sealed record Practice(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<string> Systems,
    string Kind,
    string Group,
    string Purpose,
    string WhenToUse,
    string WhenHard,
    IReadOnlyList<int> Lengths,
    int Order,
    IReadOnlyList<ScriptStep> Steps)
{
    public int DefaultLength => Lengths.Contains(5) ? 5 : Lengths[0];

    /// <summary>The steps of the <paramref name="minutes"/>-minute version, each with its seconds.</summary>
    public IReadOnlyList<TimedStep> StepsFor(int minutes) =>
        [.. Steps.Where(s => s.Seconds.ContainsKey(minutes)).Select(s => new TimedStep(s.Text, s.Seconds[minutes]))];

    /// <summary>The lengths in words: "3, 5 or 10 minutes".</summary>
    public string LengthsInWords => Lengths.Count == 1
        ? $"{Lengths[0]} minutes"
        : $"{string.Join(", ", Lengths.Take(Lengths.Count - 1))} or {Lengths[^1]} minutes";
}

public sealed record ScriptStep(string Text, FrozenDictionary<int, int> Seconds);

public sealed record TimedStep(string Text, int Seconds);
