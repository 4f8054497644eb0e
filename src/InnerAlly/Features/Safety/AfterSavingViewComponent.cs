namespace InnerAlly.Features.Safety;

/// <summary>
/// What the risk check brought after a save and its redirect (SAFETY.md 2a), shown once: the
/// support notice for a confident reading (with the lines for the person's country, hence the
/// database), the gentle line for an unsure one, else nothing. Rendered by _AfterSaving.cshtml.
/// </summary>
public sealed class AfterSavingViewComponent(SafetyFollowUp followUp, SafetySupport support, AppDbContext db) : ViewComponent
{
    public const string NoticeView = "/Features/Safety/_SupportNotice.cshtml";

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Content("");
        }

        if (TempData.Peek(SafetyFollowUp.TempDataKey) is string category)
        {
            TempData.Remove(SafetyFollowUp.TempDataKey);
            return View(NoticeView, await followUp.NoticeForAsync(category, HttpContext, db, HttpContext.RequestAborted));
        }

        if (TempData.Peek(SafetyFollowUp.GentleTempDataKey) is true)
        {
            TempData.Remove(SafetyFollowUp.GentleTempDataKey);
            return View(NoticeView, support.GentleLine);
        }

        return Content("");
    }
}
