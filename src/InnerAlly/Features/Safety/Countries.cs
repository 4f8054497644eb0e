namespace InnerAlly.Features.Safety;

/// <summary>
/// The countries a person can choose, so help can be shown for where they are
/// (Content/Safety/countries.json: ISO 3166-1 alpha-2 codes with plain English names).
/// </summary>
public static class Countries
{
    public const int CodeLength = 2;

    private static readonly Lazy<Catalog> Loaded = new(() =>
    {
        var file = SafetyContent.Read<CountriesFile>("countries.json");
        return new Catalog(
            file.Countries.ToDictionary(c => c.Code, StringComparer.Ordinal),
            [.. file.Countries.OrderBy(c => c.Name, StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true))]);
    });

    public sealed record Country(string Code, string Name);

    /// <summary>Every country, by name, for a list to choose from.</summary>
    public static IReadOnlyList<Country> ByName => Loaded.Value.ByName;

    /// <summary>
    /// The code to store for <paramref name="code"/> ("gb " becomes "GB"), or null when it is not a
    /// country on the list. Blank is not a country either: callers decide what blank means.
    /// </summary>
    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var upper = code.Trim().ToUpperInvariant();
        return upper.Length == CodeLength && Loaded.Value.ByCode.ContainsKey(upper) ? upper : null;
    }

    public static Country? Find(string? code) =>
        Normalize(code) is { } known ? Loaded.Value.ByCode[known] : null;

    private sealed record Catalog(IReadOnlyDictionary<string, Country> ByCode, IReadOnlyList<Country> ByName);

    private sealed record CountriesFile(IReadOnlyList<Country> Countries);
}
