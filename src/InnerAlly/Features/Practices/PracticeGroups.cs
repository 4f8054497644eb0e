namespace InnerAlly.Features.Practices;

/// <summary>
/// The library's groups and the words that say where to begin, read from Content/Practices/groups.json;
/// the groups come in CFT's training sequence (<see cref="PracticeCatalog.GroupIds"/>), each practice
/// naming its own in its file. One for the app (PracticesFeature.AddPractices), read as it starts.
/// </summary>
public sealed class PracticeGroups
{
    public Words Library { get; } = Load();

    public sealed record Group(string Id, string Title, string About);

    public sealed record Words(string Lead, string Begin, IReadOnlyList<Group> Groups);

    /// <summary>Each group in order with its practices; a group with none is left out.</summary>
    public IEnumerable<(Group Group, IReadOnlyList<Practice> Practices)> InOrder(IReadOnlyList<Practice> practices)
    {
        foreach (var group in Library.Groups)
        {
            IReadOnlyList<Practice> inGroup = [.. practices.Where(p => p.Group == group.Id)];
            if (inGroup.Count > 0)
            {
                yield return (group, inGroup);
            }
        }
    }

    private static Words Load() => ContentFiles.Read<Words>("Practices", "groups.json", static (words, path) =>
    {
        if (!words.Groups.Select(g => g.Id).SequenceEqual(PracticeCatalog.GroupIds))
        {
            throw new InvalidDataException($"{path}: the groups are, in this order, {string.Join(", ", PracticeCatalog.GroupIds)}.");
        }
    });
}
