namespace InnerAlly.Features.Safety;

/// <summary>
/// The crisis lines to offer first and the fallback for anywhere else.
/// </summary>
/// <param name="Country">The chosen country's lines, emergency number and last-checked date; null when none is listed for where the person is, so <paramref name="Elsewhere"/> is what applies.</param>
/// <param name="Elsewhere">The local emergency number and findahelpline.com, for anywhere.</param>
/// <param name="ChosenBy">How the country was chosen: "settings" (the person's own choice), "browser" (the region of their browser's language) or "none".</param>
public sealed record SupportResources(CrisisLines.Country? Country, CrisisLines.Elsewhere Elsewhere, string ChosenBy)
{
    public const string BySettings = "settings";
    public const string ByBrowser = "browser";
    public const string ByNothing = "none";

    /// <summary>The number to call in immediate danger: the country's, or "your local emergency number".</summary>
    public string Emergency => Country?.Emergency ?? Elsewhere.Emergency;
}
