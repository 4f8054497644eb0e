using Microsoft.AspNetCore.RateLimiting;

namespace InnerAlly.Features.Account;

/// <summary>
/// /account/confirm: the password once more before the locks on the account are changed
/// (<see cref="RecentConfirmation"/>), then back to the page that asked. A wrong password counts
/// against the person's one limit, like every other password check.
/// </summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed partial class ConfirmModel(UserManager<User> users, SignInThrottle throttle, RecentConfirmation confirmation, ILogger<ConfirmModel> logger) : PageModel
{
    public const string PasswordRequired = "Please type your password, so we know it is you.";
    public const string WrongPassword = "That is not your password. Please check it and try again. Nothing on your account has changed.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        public string? Password { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", PasswordRequired);
            return Page();
        }

        var check = await throttle.CheckPersonAsync(user.Id, () => users.CheckPasswordAsync(user, Input.Password), HttpContext.RequestAborted);
        if (check.Wait is { } wait)
        {
            ModelState.AddModelError("Input.Password", SignInThrottle.WaitMessage(wait));
            return Page();
        }

        if (!check.Passed)
        {
            ModelState.AddModelError("Input.Password", WrongPassword);
            return Page();
        }

        confirmation.Remember(HttpContext, user);
        Log.Confirmed(logger, user.Id);
        return LocalRedirect(ReturnUrls.Safe(Url, ReturnUrl is null ? "/account" : ReturnUrl));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2090, Level = LogLevel.Information, Message = "{UserId} typed their password again to change how they sign in")]
        public static partial void Confirmed(ILogger logger, Guid userId);
    }
}
