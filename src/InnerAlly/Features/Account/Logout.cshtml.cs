namespace InnerAlly.Features.Account;

/// <summary>
/// Signing out ends every session, not just this one: the security stamp changes first, and every
/// other cookie carrying the old stamp is refused on its next request.
/// </summary>
public sealed partial class LogoutModel(UserManager<User> users, SignInManager<User> signIn, ILogger<LogoutModel> logger) : PageModel
{
    public const string SignedOutKey = "Account.SignedOut";

    public const string ClearSiteData = "\"storage\"";

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("Login");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            Log.SignedOut(logger, user.Id);
        }

        await signIn.SignOutAsync();
        RecentConfirmation.Forget(HttpContext);
        // The drafts kept in this browser's storage go with the session (site.js forgets them too,
        // for browsers that ignore this header off HTTPS). Not "cache": personal pages are never
        // cached (no-store), and with it a browser test once waited past 30 s for the next page.
        Response.Headers["Clear-Site-Data"] = ClearSiteData;
        TempData[SignedOutKey] = true;
        return RedirectToPage("Login");
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "{UserId} signed out everywhere")]
        public static partial void SignedOut(ILogger logger, Guid userId);
    }
}
