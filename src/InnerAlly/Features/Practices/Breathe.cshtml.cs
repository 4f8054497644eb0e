namespace InnerAlly.Features.Practices;

/// <summary>
/// The breathing pacer on its own: a plain GET form chooses the pace and length, so it works
/// without JavaScript (the page then says the counts in words). A choice outside what the form
/// offers falls back to the default, with a message beside its field.
/// </summary>
public sealed class BreatheModel : PageModel
{
    public const string PracticeId = "soothing-rhythm-breathing";
    // In for 4 seconds, out for 6: the counts the breathing practice's script gives, so the pacer and the words agree.
    public const int DefaultRate = 6;
    public const decimal DefaultRatio = 1.5m;
    public const int DefaultMinutes = 5;

    public static readonly IReadOnlyList<int> Rates = [3, 4, 5, 6, 7, 8];
    public static readonly IReadOnlyList<decimal> Ratios = [1m, 1.25m, 1.5m, 1.75m, 2m];
    public static readonly IReadOnlyList<int> Lengths = [1, 3, 5, 10];

    public PacerView Pace { get; private set; } = new(DefaultRate, DefaultRatio);

    public int Minutes { get; private set; } = DefaultMinutes;

    /// <summary>Messages beside fields, by field id.</summary>
    public Dictionary<string, string> Messages { get; } = [];

    public PlayerView Player { get; private set; } = null!;

    public void OnGet(string? rate, string? ratio, string? minutes)
    {
        var chosenRate = DefaultRate;
        if (rate is not null)
        {
            if (int.TryParse(rate, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) && Rates.Contains(r))
            {
                chosenRate = r;
            }
            else
            {
                Messages["rate"] = $"Choose from 3 to 8 breaths a minute. For now this uses {DefaultRate}.";
            }
        }

        var chosenRatio = DefaultRatio;
        if (ratio is not null)
        {
            var text = ratio.StartsWith("1:", StringComparison.Ordinal) ? ratio[2..] : ratio;
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var q) && Ratios.Contains(q))
            {
                chosenRatio = q;
            }
            else
            {
                Messages["ratio"] = $"Choose an out-breath from as long as the in-breath (1:1) to twice as long (1:2). For now this uses 1:{DefaultRatio.ToString(CultureInfo.InvariantCulture)}.";
            }
        }

        if (minutes is not null)
        {
            if (int.TryParse(minutes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) && Lengths.Contains(m))
            {
                Minutes = m;
            }
            else
            {
                Messages["minutes"] = $"Choose 1, 3, 5 or 10 minutes. For now this uses {DefaultMinutes}.";
            }
        }

        Pace = new PacerView(chosenRate, chosenRatio);
        Player = new PlayerView(
            $"Breathe for {Minutes} {(Minutes == 1 ? "minute" : "minutes")}",
            "breathe-steps",
            Minutes * 60,
            $"/practices/{PracticeId}/log",
            $"/practices/{PracticeId}",
            "Back to soothing rhythm breathing",
            Pace)
        { HasSteps = false };
    }
}
