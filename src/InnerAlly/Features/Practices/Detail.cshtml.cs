namespace InnerAlly.Features.Practices;

public sealed class DetailModel(PracticeCatalog practices) : PageModel
{
    public Practice Practice { get; private set; } = null!;

    public int Minutes { get; private set; }

    public IReadOnlyList<TimedStep> Steps { get; private set; } = [];

    public PlayerView Player { get; private set; } = null!;

    /// <summary>The pace the breathing practice's pacer keeps: in for 4 s, out for 6 s, as its script says.</summary>
    public static readonly PacerView ScriptPace = new(BreatheModel.DefaultRate, BreatheModel.DefaultRatio);

    public IActionResult OnGet(string id, int? minutes)
    {
        if (practices.Find(id) is not { } practice)
        {
            return NotFound();
        }

        Practice = practice;
        Minutes = minutes is { } m && practice.Lengths.Contains(m) ? m : practice.DefaultLength;
        Steps = practice.StepsFor(Minutes);
        Player = new PlayerView(
            $"Guided, {Minutes} minutes",
            "script",
            Steps.Sum(s => s.Seconds),
            $"/practices/{practice.Id}/log",
            "/practices",
            "Back to practices",
            practice.Kind == "breathing" ? ScriptPace : null)
        { Nested = true };
        return Page();
    }

    /// <summary>A step's length in words: "about 40 seconds", "about 2 minutes".</summary>
    public static string About(int seconds) => seconds < 90
        ? $"about {(int)(Math.Round(seconds / 5.0) * 5)} seconds"
        : $"about {Math.Round(seconds / 60.0, MidpointRounding.AwayFromZero):0} minutes";
}
