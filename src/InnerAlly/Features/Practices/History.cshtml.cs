namespace InnerAlly.Features.Practices;

public sealed class HistoryModel(AppDbContext db, PracticeCatalog practices, TimeProvider clock) : PageModel
{
    public const int PageSize = 30;

    public PracticeHistory.Month ThisMonth { get; private set; } = null!;

    public IReadOnlyList<PracticeHistory.Insight> Insights { get; private set; } = [];

    public IReadOnlyList<PracticeHistory.SessionResponse> Sessions { get; private set; } = [];

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public string? JustLogged { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        Zone = await PersonalTime.ZoneForAsync(userId, db, cancellationToken);
        ThisMonth = await PracticeHistory.ThisMonthAsync(userId, Zone, db, clock, cancellationToken);
        Insights = await PracticeHistory.InsightsAsync(userId, db, practices, cancellationToken);
        Sessions = await PracticeHistory.ListAsync(userId, PageSize, null, db, practices, cancellationToken);
        JustLogged = TempData["Logged"] as string;
    }

    /// <summary>An average change in plain, neutral words: "about 1.5 higher", "about the same".</summary>
    public static string Change(double? change, string higher, string lower) => change switch
    {
        null => "",
        > -0.25 and < 0.25 => "about the same",
        > 0 => $"about {change:0.#} {higher}",
        _ => $"about {-change:0.#} {lower}",
    };
}
