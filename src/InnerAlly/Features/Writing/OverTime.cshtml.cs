namespace InnerAlly.Features.Writing;

/// <summary>How often the person wrote, and how their critic-to-ally ratings moved, over 30 or 90 days.</summary>
public sealed class OverTimeModel(AppDbContext db, TimeProvider clock) : WritingPageModel(db)
{
    public WritingOverTime.Result Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? days, CancellationToken cancellationToken)
    {
        var range = days ?? 30;
        if (!WritingOverTime.Ranges.Contains(range))
        {
            return Redirect("/write/over-time");
        }

        await LoadZoneAsync(cancellationToken);
        Result = await WritingOverTime.HandleAsync(UserId, range, Zone, Db, clock, cancellationToken);
        return Page();
    }
}
