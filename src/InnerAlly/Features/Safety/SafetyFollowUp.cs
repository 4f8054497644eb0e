using InnerAlly.Features.Analysis;
using InnerAlly.Features.CareTeam;
using InnerAlly.Language;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace InnerAlly.Features.Safety;

/// <summary>
/// What every free-text save calls once SaveChangesAsync has returned: the risk check on the saved
/// words, read for where they were written, and then the graded response (SAFETY.md: save first,
/// never block, never alter): a confident reading brings the calm support notice with the crisis
/// lines for the person's country, an unsure one the gentle line with the help link.
/// </summary>
public sealed class SafetyFollowUp(RiskCheck risk, SafetySupport support, TimeProvider clock, ILogger<SafetyFollowUp> logger)
{
    /// <summary>Null when there was no text to check; otherwise a notice, the gentle line, or <see cref="SafetyNotice.None"/> when nothing was found.</summary>
    /// <param name="feature">Where it was written, for a kept notice, when the setting does not say (a message reads as a journal entry).</param>
    public async Task<SafetyNotice?> AfterSavingAsync(string? text, TextSetting setting, HttpContext http, AppDbContext db, CancellationToken cancellationToken, string? feature = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return await ResponseForAsync(await risk.CheckAsync(text, setting, http.User, cancellationToken), setting, http, db, cancellationToken, feature);
    }

    /// <summary>
    /// What a risk reading brings: the notice for a category found, the gentle line for an unsure
    /// reading, else nothing. A notice is also kept for the person's therapist when they share
    /// safety notices (<see cref="RecordSafetyNotice"/>): that it appeared and where, never the words.
    /// </summary>
    public async Task<SafetyNotice> ResponseForAsync(RiskFinding? found, TextSetting setting, HttpContext http, AppDbContext db, CancellationToken cancellationToken, string? feature = null)
    {
        switch (found)
        {
            case { Found: true }:
                var notice = await support.NoticeForAsync(found.Category, http, db, cancellationToken);
                await RecordSafetyNotice.HandleAsync(http.User.GetUserId(), feature ?? SafetyNoticeFeatures.KeyOf(setting), db, clock, logger, cancellationToken);
                return notice;
            case { Gentle: true }:
                return support.GentleLine;
            default:
                return SafetyNotice.None;
        }
    }

    /// <summary>Pages redirect after saving (Post/Redirect/Get); the category rides along once in TempData.</summary>
    public const string TempDataKey = "SupportCategory";

    /// <summary>For the gentle line, which names no category.</summary>
    public const string GentleTempDataKey = "SupportGentle";

    /// <summary>Carries what <paramref name="notice"/> shows to the page after the redirect, where _AfterSaving.cshtml shows it beneath the saved words.</summary>
    public static void Carry(SafetyNotice? notice, ITempDataDictionary tempData)
    {
        if (notice is { Triggered: true, Level: SafetyNotice.NoticeLevel, Category: { } category })
        {
            tempData[TempDataKey] = category;
        }
        else if (notice is { IsGentle: true })
        {
            tempData[GentleTempDataKey] = true;
        }
    }

    public Task<SafetyNotice> NoticeForAsync(string category, HttpContext http, AppDbContext db, CancellationToken cancellationToken) =>
        support.NoticeForAsync(category, http, db, cancellationToken);

    /// <summary>
    /// For answers that ask about safety outright (PHQ-9 item 9 above "not at all"): the category
    /// is known without the engine. <see cref="SafetyNotice.None"/> when <paramref name="category"/> is null.
    /// </summary>
    public async Task<SafetyNotice> ForCategoryAsync(string? category, HttpContext http, AppDbContext db, CancellationToken cancellationToken) =>
        category is null ? SafetyNotice.None : await support.NoticeForAsync(category, http, db, cancellationToken);

    /// <summary>Carries a known category to the page after the redirect (see <see cref="ForCategoryAsync"/>).</summary>
    public static void Carry(string? category, ITempDataDictionary tempData)
    {
        if (category is not null)
        {
            tempData[TempDataKey] = category;
        }
    }
}
