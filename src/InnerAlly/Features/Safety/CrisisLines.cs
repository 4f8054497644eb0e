namespace InnerAlly.Features.Safety;

/// <summary>Crisis lines by country, kept as data (Content/Safety/crisis-lines.json) with the date each was last checked.</summary>
public static class CrisisLines
{
    private static readonly Lazy<Directory> Loaded = new(() => SafetyContent.Read<Directory>("crisis-lines.json"));

    public static Directory All => Loaded.Value;

    public sealed record Directory(DateOnly LastVerified, IReadOnlyList<Country> Countries, Elsewhere Elsewhere);

    /// <param name="Code">ISO 3166-1 alpha-2, such as "GB".</param>
    public sealed record Country(string Code, string Name, string Emergency, DateOnly LastVerified, IReadOnlyList<Line> Lines);

    /// <param name="Call">Digits to dial, for a tap-to-call link; null when the line takes no calls.</param>
    /// <param name="Text">Digits to send a text message to; null when the line takes no texts.</param>
    /// <param name="TextMessage">The word the service asks for in the first message, if any.</param>
    public sealed record Line(string Name, string How, string? Call = null, string? Text = null, string? TextMessage = null)
    {
        public string? CallHref => Call is null ? null : "tel:" + Call;

        public string? TextHref => Text is null ? null : "sms:" + Text + (TextMessage is null ? string.Empty : "?body=" + Uri.EscapeDataString(TextMessage));
    }

    /// <summary>For anywhere without lines of its own: the local emergency number and a worldwide directory.</summary>
    public sealed record Elsewhere(string Emergency, string How, string Url, DateOnly LastVerified);

    /// <summary>The lines listed for <paramref name="code"/> (any case), or null when that country has none here.</summary>
    public static Country? Find(string? code) =>
        code is null ? null : All.Countries.FirstOrDefault(c => string.Equals(c.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Which lines to offer first. A country the person chose wins (and when it has no lines here,
    /// the worldwide directory does, rather than another country's lines); otherwise the region of
    /// the browser's most preferred language that names one ("en-GB" is GB); otherwise the
    /// worldwide directory.
    /// </summary>
    public static SupportResources Choose(string? personCountry, HttpRequest request)
    {
        if (Countries.Normalize(personCountry) is { } chosen)
        {
            return new SupportResources(Find(chosen), All.Elsewhere, SupportResources.BySettings);
        }

        if (BrowserRegion(request) is { } region && Find(region) is { } country)
        {
            return new SupportResources(country, All.Elsewhere, SupportResources.ByBrowser);
        }

        return new SupportResources(null, All.Elsewhere, SupportResources.ByNothing);
    }

    /// <summary>The region of the most preferred language in Accept-Language that has one: "en-GB" gives GB, "zh-Hant-TW" TW.</summary>
    internal static string? BrowserRegion(HttpRequest request)
    {
        var languages = request.GetTypedHeaders().AcceptLanguage;
        foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1))
        {
            if (language.Quality == 0)
            {
                continue;
            }

            // A language tag's region is its two-letter subtag after the language (and script, if any).
            var subtags = language.Value.Value?.Split('-') ?? [];
            if (subtags.Skip(1).Take(2).FirstOrDefault(s => s.Length == 2 && s.All(char.IsAsciiLetter)) is { } region)
            {
                return region.ToUpperInvariant();
            }
        }

        return null;
    }
}
