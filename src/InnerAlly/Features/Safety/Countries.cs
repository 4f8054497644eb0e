namespace InnerAlly.Features.Safety;

/// <summary>
/// The countries a person can choose, so help can be shown for where they are
/// (Content/Safety/countries.json: ISO 3166-1 alpha-2 codes with plain English names). One for
/// the app (SafetyFeature.AddSafety), read as it starts.
/// </summary>
public sealed class Countries
{
    public const int CodeLength = 2;

    private readonly Dictionary<string, Country> _byCode;

    public Countries()
    {
        var file = SafetyContent.Read<CountriesFile>("countries.json");
        _byCode = file.Countries.ToDictionary(c => c.Code, StringComparer.Ordinal);
        ByName = [.. file.Countries.OrderBy(c => c.Name, StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true))];
    }

    public sealed record Country(string Code, string Name);

    /// <summary>Every country, by name, for a list to choose from.</summary>
    public IReadOnlyList<Country> ByName { get; }

    /// <summary>
    /// The code to store for <paramref name="code"/> ("gb " becomes "GB"), or null when it is not a
    /// country on the list. Blank is not a country either: callers decide what blank means.
    /// </summary>
    public string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var upper = code.Trim().ToUpperInvariant();
        return upper.Length == CodeLength && _byCode.ContainsKey(upper) ? upper : null;
    }

    public Country? Find(string? code) =>
        Normalize(code) is { } known ? _byCode[known] : null;

    private sealed record CountriesFile(IReadOnlyList<Country> Countries);
}
