namespace InnerAlly.Features.CheckIns;

public sealed class DeleteModel(AppDbContext db, ILogger<DeleteModel> logger) : CheckInPageModel(db)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await DeleteCheckIn.HandleAsync(id, User.GetUserId(), Db, logger, cancellationToken))
        {
            return NotFound();
        }

        TempData["Deleted"] = true;
        return Redirect("/check-ins");
    }
}
