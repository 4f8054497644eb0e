namespace InnerAlly.Features.Learn;

public sealed class IndexModel(LessonCatalog course, AppDbContext db) : PageModel
{
    public CourseProgress.Overview Overview { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Overview = await CourseProgress.OverviewAsync(User.GetUserId(), course, db, cancellationToken);
}
