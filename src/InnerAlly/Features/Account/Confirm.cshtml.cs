using Microsoft.AspNetCore.RateLimiting;

namespace InnerAlly.Features.Account;

/// <summary>
/// /account/confirm: the password once more before the locks on the account are changed
/// (<see cref="RecentConfirmation"/>), then back to the page that asked.
/// </summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed partial class ConfirmModel(UserManager<User> users, SignInThrottle throttle, RecentConfirmation confirmation, ILogger<ConfirmModel> logger)
    : PasswordAgainPageModel(users, throttle)
{
    public const string Required = "Please type your password, so we know it is you.";
    public const string Wrong = "That is not your password. Please check it and try again. Nothing on your account has changed.";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    protected override string PasswordRequired => Required;

    protected override string WrongPassword => Wrong;

    protected override Task<IActionResult> ConfirmedAsync(User user, UserManager<User> users)
    {
        confirmation.Remember(HttpContext, user);
        Log.Confirmed(logger, user.Id);
        return Task.FromResult<IActionResult>(LocalRedirect(ReturnUrls.Safe(Url, ReturnUrl is null ? "/account" : ReturnUrl)));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2090, Level = LogLevel.Information, Message = "{UserId} typed their password again to change how they sign in")]
        public static partial void Confirmed(ILogger logger, Guid userId);
    }
}
