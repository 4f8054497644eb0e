using InnerAlly.Data;
using InnerAlly.Features.Safety;

namespace InnerAlly.Features.Analysis;

/// <summary>
/// What every free-text save calls once SaveChangesAsync has returned: the risk check on the saved
/// words, and, if it finds risk, the calm support notice with the crisis lines for the person's
/// country (SAFETY.md: save first, never block, never alter).
/// </summary>
public sealed class SafetyFollowUp(RiskCheck risk, SafetySupport support)
{
    /// <summary>Null when there was no text to check; otherwise a notice, <see cref="SafetyNotice.None"/> when nothing was found.</summary>
    public async Task<SafetyNotice?> AfterSavingAsync(string? text, HttpContext http, AppDbContext db, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return await risk.CheckAsync(text, http.User, cancellationToken) is { } found
            ? await support.NoticeForAsync(found.Category, http, db, cancellationToken)
            : SafetyNotice.None;
    }

    /// <summary>Pages redirect after saving (Post/Redirect/Get); the category rides along once in TempData.</summary>
    public const string TempDataKey = "SupportCategory";

    public Task<SafetyNotice> NoticeForAsync(string category, HttpContext http, AppDbContext db, CancellationToken cancellationToken) =>
        support.NoticeForAsync(category, http, db, cancellationToken);
}
