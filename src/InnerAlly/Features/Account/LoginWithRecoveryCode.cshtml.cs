using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.RateLimiting;

namespace InnerAlly.Features.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginWithRecoveryCodeModel(SignInManager<User> signIn, SignInThrottle throttle, KnownDevices devices, RecentConfirmation confirmation) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set when too many codes did not match; the page says how long to wait.</summary>
    public string? Paused { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter one of your recovery codes.")]
        [StringLength(64, ErrorMessage = "Recovery codes are 11 characters, like AB12C-DE34F.")]
        public string? RecoveryCode { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("Login", new { ReturnUrl });
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Input.RecoveryCode!.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var check = await throttle.CheckPersonAsync(user.Id, async () => (await signIn.TwoFactorRecoveryCodeSignInAsync(code)).Succeeded, HttpContext.RequestAborted);
        if (check.Wait is { } wait)
        {
            Paused = SignInThrottle.WaitMessage(wait);
            return Page();
        }

        if (check.Passed)
        {
            devices.Remember(HttpContext, user);
            confirmation.Remember(HttpContext, user);
            return LocalRedirect(ReturnUrls.Safe(Url, ReturnUrl));
        }

        ModelState.AddModelError("Input.RecoveryCode", "That recovery code did not work. Each code works only once; please check it, or try another from your list.");
        return Page();
    }
}
