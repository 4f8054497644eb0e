using Microsoft.AspNetCore.RateLimiting;

namespace InnerAlly.Features.Account;

/// <summary>A new password ends every other session; this one carries on with the new stamp.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed partial class ChangePasswordModel(UserManager<User> users, SignInManager<User> signIn, SignInThrottle throttle, ILogger<ChangePasswordModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter the password you use now.")]
        public string? CurrentPassword { get; set; }

        [Required(ErrorMessage = "Please choose a new password.")]
        public string? NewPassword { get; set; }

        [Required(ErrorMessage = "Please type your new password again here.")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords are not the same. Please type the same password in both boxes.")]
        public string? ConfirmPassword { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // Each wrong current password counts against the person's own limit, like every other password check.
        var result = IdentityResult.Success;
        var check = await throttle.CheckPersonAsync(user.Id, async () =>
        {
            result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
            return !result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
        }, HttpContext.RequestAborted);
        if (check.Wait is { } wait)
        {
            ModelState.AddModelError("Input.CurrentPassword", SignInThrottle.WaitMessage(wait));
            return Page();
        }

        if (!result.Succeeded)
        {
            AccountErrors.AddTo(ModelState, result, string.Empty, "Input.NewPassword", "Input.CurrentPassword");
            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        Log.Changed(logger, user.Id);
        TempData[IndexModel.StatusKey] = "Your password is changed. Any other devices where you were signed in have been signed out.";
        return RedirectToPage("Index");
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2030, Level = LogLevel.Information, Message = "{UserId} changed their password")]
        public static partial void Changed(ILogger logger, Guid userId);
    }
}
