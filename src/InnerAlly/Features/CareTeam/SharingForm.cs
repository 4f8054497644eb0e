namespace InnerAlly.Features.CareTeam;

/// <summary>
/// The sharing choices as a page's form posts them: one value per category, "none", "from-now"
/// or "all" (including what came before), read into the API's list of choices.
/// </summary>
public static class SharingForm
{
    public const string None = "none";
    public const string FromNow = "from-now";
    public const string All = "all";

    /// <summary>The choices in a posted form; a missing or unknown value is "none".</summary>
    public static List<ChangeSharing.Choice> Read(IReadOnlyDictionary<string, string>? posted) =>
    [
        .. SharingCategories.All
            .Select(c => posted?.GetValueOrDefault(c.Key) switch
            {
                FromNow => new ChangeSharing.Choice { Category = c.Key, IncludingEarlier = false },
                All => new ChangeSharing.Choice { Category = c.Key, IncludingEarlier = true },
                _ => null,
            })
            .OfType<ChangeSharing.Choice>(),
    ];

    /// <summary>Each category's current value, for the form.</summary>
    public static Dictionary<string, string> From(IEnumerable<ListCareTeam.SharedCategory> shared) =>
        SharingCategories.All.ToDictionary(c => c.Key, c => shared.FirstOrDefault(s => s.Category == c.Key) is { } s ? (s.IncludingEarlier ? All : FromNow) : None, StringComparer.Ordinal);

    public static Dictionary<string, string> Nothing() => SharingCategories.All.ToDictionary(c => c.Key, _ => None, StringComparer.Ordinal);
}

/// <summary>What _SharingChoices.cshtml draws: the form's field prefix and values, and the preview of each category.</summary>
public sealed record SharingChoicesView(string Prefix, string IdPrefix, IReadOnlyDictionary<string, string> Values, IReadOnlyDictionary<string, SharingPreview.Line> Preview, string TherapistName, string? Error);
