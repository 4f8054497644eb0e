namespace InnerAlly.Features.CheckIns;

public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    public CheckInTrend.Trend Trend { get; private set; } = null!;

    public Page<CheckInResponse> Items { get; private set; } = null!;

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public bool IsFirstPage { get; private set; }

    public bool JustDeleted { get; private set; }

    /// <summary>The query value that asks for the days themselves rather than the 7-day average (?lines=daily).</summary>
    public const string DailyLines = "daily";

    /// <summary>Plain daily lines instead of the 7-day average, when the person chose them.</summary>
    public bool Daily { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? days, string? after, string? lines, CancellationToken cancellationToken)
    {
        var range = days ?? 30;
        Daily = lines == DailyLines;
        if (!CheckInTrend.Ranges.Contains(range) || !ListCursor.TryParse(after, out var cursor))
        {
            return Redirect("/check-ins");
        }

        var userId = User.GetUserId();
        Zone = await PersonalTime.ZoneForAsync(userId, db, cancellationToken);
        Trend = await CheckInTrend.HandleAsync(userId, range, Zone, db, clock, cancellationToken);
        Items = await ListCheckIns.HandleAsync(new ListCheckIns.Query(null, null, PageSize, cursor), userId, db, cancellationToken);
        IsFirstPage = cursor is null;
        JustDeleted = TempData["Deleted"] is true;
        return Page();
    }
}
