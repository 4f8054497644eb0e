using Microsoft.AspNetCore.RateLimiting;

namespace InnerAlly.Features.Account;

/// <summary>/account/delete: the password, then the account and everything in it, then signed out.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class DeleteAccountModel(
    UserManager<User> users, SignInManager<User> signIn, AppDbContext db, TimeProvider clock, SignInThrottle throttle, ILogger<DeleteAccountModel> logger)
    : PasswordAgainPageModel(users, throttle)
{
    protected override string PasswordRequired => DeleteAccount.PasswordRequired;

    protected override string WrongPassword => DeleteAccount.WrongPassword;

    protected override async Task<IActionResult> ConfirmedAsync(User user, UserManager<User> users)
    {
        await DeleteAccount.EraseAsync(user, users, db, clock, logger, HttpContext.RequestAborted);
        await signIn.SignOutAsync();
        return RedirectToPage("Deleted");
    }
}
