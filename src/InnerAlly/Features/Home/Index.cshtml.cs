using InnerAlly.Features.CheckIns;

namespace InnerAlly.Features.Home;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public CheckInResponse? Latest { get; private set; }

    public string? LatestAt { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var userId = User.GetUserId();
        var page = await ListCheckIns.HandleAsync(new ListCheckIns.Query(null, null, 1, null), userId, db, cancellationToken);
        Latest = page.Items.Count > 0 ? page.Items[0] : null;
        if (Latest is not null)
        {
            LatestAt = PersonalTime.Format(Latest.RecordedAt, await PersonalTime.ZoneForAsync(userId, db, cancellationToken));
        }
    }
}
