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

    /// <param name="Call">Digits to dial, for a tap-to-call link; null when the line takes no calls.</param>
    /// <param name="Text">Digits to send a text message to; null when the line takes no texts.</param>
    /// <param name="TextMessage">The word the service asks for in the first message, if any.</param>
    public sealed record Line(string Name, string How, string? Call = null, string? Text = null, string? TextMessage = null)
    {
        public string? CallHref => Call is null ? null : "tel:" + Call;

        public string? TextHref => Text is null ? null : "sms:" + Text + (TextMessage is null ? string.Empty : "?body=" + Uri.EscapeDataString(TextMessage));
    }

    public sealed record Elsewhere(string Emergency, string How);
}
