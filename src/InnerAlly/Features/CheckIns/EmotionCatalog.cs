using System.Collections.Frozen;

namespace InnerAlly.Features.CheckIns;

/// <summary>
/// The three systems' words, their emotion lists and the gentle reflections, read from
/// Content/CheckIns/systems.json so a clinician can review them without reading C#. One for the
/// app (CheckInsFeature.AddCheckIns), read as it starts.
/// </summary>
public sealed class EmotionCatalog
{
    private readonly Catalog _loaded = Load();

    public IReadOnlyList<SystemInfo> Systems => _loaded.Systems;

    public ScaleInfo Scale => _loaded.Scale;

    public IReadOnlyDictionary<string, string> Reflections => _loaded.Reflections;

    public bool IsKnown(string emotionId) => _loaded.ById.ContainsKey(emotionId);

    public Emotion? Find(string emotionId) => _loaded.ById.GetValueOrDefault(emotionId);

    /// <summary>The ids not on the lists (a missing one too), each in quotes and separated by commas, for a message; null when every one is known.</summary>
    public string? Unknown(IEnumerable<string?>? emotionIds) =>
        (emotionIds ?? []).Where(e => e is null || !IsKnown(e)).Select(e => $"\"{e}\"").ToList() is { Count: > 0 } unknown ? string.Join(", ", unknown) : null;

    public SystemInfo System(string id) => _loaded.Systems.Single(s => s.Id == id);

    private static Catalog Load()
    {
        var catalog = ContentFiles.Read<Catalog>("CheckIns", "systems.json");
        foreach (var system in catalog.Systems)
        {
            foreach (var emotion in system.Emotions)
            {
                emotion.SystemId = system.Id;
            }
        }

        catalog.ById = catalog.Systems.SelectMany(s => s.Emotions).ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);
        return catalog;
    }

    public sealed class Catalog
    {
        public required ScaleInfo Scale { get; init; }

        public required IReadOnlyList<SystemInfo> Systems { get; init; }

        public required IReadOnlyDictionary<string, string> Reflections { get; init; }

        internal FrozenDictionary<string, Emotion> ById { get; set; } = FrozenDictionary<string, Emotion>.Empty;
    }

    public sealed record ScaleInfo(string Low, string High);

    public sealed record SystemInfo(string Id, string Name, string Question, string About, IReadOnlyList<Emotion> Emotions);

    public sealed class Emotion
    {
        public required string Id { get; init; }

        public required string Label { get; init; }

        public string SystemId { get; internal set; } = "";
    }
}
