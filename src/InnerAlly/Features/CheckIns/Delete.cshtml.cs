namespace InnerAlly.Features.CheckIns;

public sealed class DeleteModel(AppDbContext db, ILogger<DeleteModel> logger) : PageModel
{
    public CheckIn CheckIn { get; private set; } = null!;

    public string RecordedAt { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        if (await FindCheckIn.HandleAsync(id, userId, db, cancellationToken) is not { } checkIn)
        {
            return NotFound();
        }

        CheckIn = checkIn;
        RecordedAt = PersonalTime.Format(checkIn.RecordedAt, await PersonalTime.ZoneForAsync(userId, db, cancellationToken));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await DeleteCheckIn.HandleAsync(id, User.GetUserId(), db, logger, cancellationToken))
        {
            return NotFound();
        }

        TempData["Deleted"] = true;
        return Redirect("/check-ins");
    }
}
