namespace InnerAlly.Features.Clinics;

/// <summary>A clinic's short name in addresses (/clinic/harbour-therapy/staff): made from its name, checked when given.</summary>
public static class ClinicSlugs
{
    /// <summary>Words the app's own addresses use beside a clinic's slug.</summary>
    private static readonly string[] Reserved = ["join", "new", "api", "admin"];

    public static bool IsWellFormed(string? slug) =>
        slug is { Length: >= 2 and <= Clinic.SlugMaxLength }
        && slug.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && slug[0] != '-' && slug[^1] != '-' && !slug.Contains("--", StringComparison.Ordinal)
        && !Reserved.Contains(slug);

    /// <summary>"Harbour Therapy &amp; Co." becomes "harbour-therapy-co"; null when the name has no ASCII letters or digits to use.</summary>
    public static string? FromName(string name)
    {
        var words = new string([.. name.Normalize(System.Text.NormalizationForm.FormD)
                .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : c is ' ' or '-' or '_' or '.' or '&' or '/' ? ' ' : '\0')
                .Where(c => c != '\0')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var slug = string.Join('-', words);
        if (slug.Length > Clinic.SlugMaxLength)
        {
            slug = slug[..Clinic.SlugMaxLength].TrimEnd('-');
        }

        return IsWellFormed(slug) ? slug : null;
    }
}
