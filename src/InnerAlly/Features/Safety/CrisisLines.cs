using System.Text.Json;

namespace InnerAlly.Features.Safety;

/// <summary>Crisis lines by country, kept as data (Content/Safety/crisis-lines.json) with the date each was last checked.</summary>
public static class CrisisLines
{
    private static readonly Lazy<Directory> Loaded = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Content", "Safety", "crisis-lines.json");
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<Directory>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException($"{path} is empty.");
    });

    public static Directory All => Loaded.Value;

    public sealed record Directory(DateOnly LastVerified, IReadOnlyList<Country> Countries, Elsewhere Elsewhere);

    public sealed record Country(string Code, string Name, string Emergency, DateOnly LastVerified, IReadOnlyList<Line> Lines);

    public sealed record Line(string Name, string How);

    public sealed record Elsewhere(string Emergency, string How);
}
