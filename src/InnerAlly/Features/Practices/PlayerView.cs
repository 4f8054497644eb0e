namespace InnerAlly.Features.Practices;

/// <summary>
/// What the guided player (wwwroot/js/player.js) needs from the page it sits on. The steps it plays
/// are the elements marked <c>data-step</c> inside <see cref="ScriptId"/>, each with its seconds,
/// so the player plays exactly the script the page shows.
/// </summary>
/// <param name="Heading">The player's heading.</param>
/// <param name="ScriptId">The id of the element holding the steps.</param>
/// <param name="TotalSeconds">How long the whole practice lasts when played through.</param>
/// <param name="LogHref">Where "Log this practice" goes; the player adds <c>?minutes=</c>.</param>
/// <param name="BackHref">Where "go back" goes once the practice ends.</param>
/// <param name="BackText">The words on that link.</param>
/// <param name="Pacer">The breathing pacer shown beside the steps, if any.</param>
public sealed record PlayerView(
    string Heading,
    string ScriptId,
    int TotalSeconds,
    string LogHref,
    string BackHref,
    string BackText,
    PacerView? Pacer)
{
    /// <summary>A practice with one long step (the breathing pacer) has nothing to skip to.</summary>
    public bool HasSteps { get; init; } = true;

    /// <summary>Sits inside a section with its own h2 (the script), so its headings start at h3.</summary>
    public bool Nested { get; init; }

    /// <summary>"3:00": how a length of time shows in the player.</summary>
    public static string Clock(int seconds) => $"{seconds / 60}:{seconds % 60:00}";
}

/// <summary>A breathing pace: breaths a minute, and how many times longer the out-breath is than the in-breath.</summary>
public sealed record PacerView(int Rate, decimal Ratio)
{
    public decimal PeriodSeconds => 60m / Rate;

    public decimal InSeconds => PeriodSeconds / (1 + Ratio);

    public decimal OutSeconds => PeriodSeconds - InSeconds;

    /// <summary>Seconds in words, to a tenth where it matters: "4.8", "6".</summary>
    public static string Seconds(decimal seconds) =>
        Math.Round(seconds, 1, MidpointRounding.AwayFromZero).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"1:1.5", as the ratio is written on the form.</summary>
    public string RatioText => "1:" + Ratio.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    public string RatioValue => Ratio.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
