namespace InnerAlly.Features.CheckIns;

/// <summary>What the pages about one check-in share: the person's own check-in, and when it was made in their time zone.</summary>
public abstract class CheckInPageModel(AppDbContext db) : PageModel
{
    protected AppDbContext Db { get; } = db;

    public CheckIn CheckIn { get; private set; } = null!;

    public string RecordedAt { get; private set; } = "";

    /// <summary>False when the person has no check-in <paramref name="id"/> (someone else's included); the page answers 404.</summary>
    protected async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        if (await FindCheckIn.HandleAsync(id, userId, Db, cancellationToken) is not { } checkIn)
        {
            return false;
        }

        CheckIn = checkIn;
        RecordedAt = PersonalTime.Format(checkIn.RecordedAt, await PersonalTime.ZoneForAsync(userId, Db, cancellationToken));
        return true;
    }
}
