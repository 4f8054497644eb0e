using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnerAlly.Features.Account;

/// <summary>
/// Signing out ends every session, not just this one: the security stamp changes first, and every
/// other cookie carrying the old stamp is refused on its next request.
/// </summary>
public sealed partial class LogoutModel(UserManager<User> users, SignInManager<User> signIn, ILogger<LogoutModel> logger) : PageModel
{
    public const string SignedOutKey = "Account.SignedOut";

    public const string ClearSiteData = "\"cache\", \"storage\"";

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
        // Nothing of the session stays in this browser: its cache, and the drafts kept in its storage
        // (site.js forgets them too, for browsers that ignore this header off HTTPS).
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
