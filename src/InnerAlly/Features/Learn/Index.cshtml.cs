using InnerAlly.Data;
using InnerAlly.Features.Account;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnerAlly.Features.Learn;

public sealed class IndexModel(LessonCatalog course, AppDbContext db) : PageModel
{
    public CourseProgress.Overview Overview { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Overview = await CourseProgress.OverviewAsync(User.GetUserId(), course, db, cancellationToken);
}
