using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.RateLimiting;

namespace InnerAlly.Features.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginWith2faModel(SignInManager<User> signIn, SignInThrottle throttle, KnownDevices devices, RecentConfirmation confirmation) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set when too many codes did not match; the page says how long to wait.</summary>
    public string? Paused { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter the 6-digit code from your authenticator app.")]
        public string? Code { get; set; }
    }

    /// <summary>"123 456" and "123-456" are the same code as "123456".</summary>
    public static string? SixDigits(string? code)
    {
        var digits = new string((code ?? string.Empty).Where(c => c is not (' ' or '-')).ToArray());
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
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

        if (SixDigits(Input.Code) is not { } code)
        {
            ModelState.AddModelError("Input.Code", "The code is 6 digits, like 123 456. Please check it and try again.");
            return Page();
        }

        var check = await throttle.CheckPersonAsync(user.Id, async () => (await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)).Succeeded, HttpContext.RequestAborted);
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

        ModelState.AddModelError("Input.Code", "That code did not work. Codes change every 30 seconds, so please try the one showing now.");
        return Page();
    }
}
