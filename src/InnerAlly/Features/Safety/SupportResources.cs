namespace InnerAlly.Features.Safety;

/// <summary>
/// The crisis lines to offer first and the fallback for anywhere else.
/// </summary>
/// <param name="Country">The chosen country's lines, emergency number and last-checked date; null when none is listed for where the person is, so <paramref name="Elsewhere"/> is what applies.</param>
/// <param name="Elsewhere">The local emergency number and findahelpline.com, for anywhere.</param>
/// <param name="ChosenBy">How the country was chosen: "settings" (in the person's account), "device" (chosen on this device while signed out) or "none" (not yet asked).</param>
/// <param name="CountryCode">The country chosen, whether or not it has lines here.</param>
/// <param name="LocalEmergency">That country's emergency number, when known.</param>
public sealed record SupportResources(
    CrisisLines.Country? Country, CrisisLines.Elsewhere Elsewhere, string ChosenBy, string? CountryCode = null, string? LocalEmergency = null)
{
    public const string BySettings = "settings";
    public const string ByDevice = "device";
    public const string ByNothing = "none";

    /// <summary>The number to call in immediate danger: the country's, or "your local emergency number".</summary>
    public string Emergency => Country?.Emergency ?? LocalEmergency ?? Elsewhere.Emergency;
}
