namespace InnerAlly.Features.CareTeam;

/// <summary>
/// On a person's own journal entry, record, letter or card: a quiet mark for each of their
/// therapists saying whether they see it, and the one button that changes it ("keep this one
/// private", "share this one"). Nothing at all for someone with no therapist.
/// </summary>
public sealed class EntrySharingViewComponent(AppDbContext db) : ViewComponent
{
    public const string ViewPath = "/Features/CareTeam/_EntrySharing.cshtml";

    public const string StatusKey = "EntrySharingStatus";

    public sealed record Model(Guid EntryId, string Category, IReadOnlyList<EntrySharing.Status> Therapists, bool IsDraft, string ReturnUrl, string? Status);

    public async Task<IViewComponentResult> InvokeAsync(PersonalWriting entry)
    {
        if (User.Identity?.IsAuthenticated != true || EntrySharing.CategoryOf(entry) is not { } category)
        {
            return Content("");
        }

        var therapists = await EntrySharing.StatusesAsync(HttpContext.User.GetUserId(), entry, category, db, HttpContext.RequestAborted);
        if (therapists.Count == 0)
        {
            return Content("");
        }

        var status = TempData[StatusKey] as string;
        return View(ViewPath, new Model(entry.Id, category, therapists, entry is Letters.Letter { IsDone: false }, Request.Path + Request.QueryString, status));
    }
}
