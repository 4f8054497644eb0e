using System.Text.Json;
using Microsoft.AspNetCore.RateLimiting;

namespace InnerAlly.Features.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(
    UserManager<User> users, SignInManager<User> signIn, SignInThrottle throttle, KnownDevices devices, RecentConfirmation confirmation, IOptions<EmailOptions> email) : PageModel
{
    public const string WrongDetails = "That email and password do not match an account. Please check both and try again.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set when tries at this address from new devices must wait; the same for every address.</summary>
    public string? Paused { get; private set; }

    public bool NeedsConfirmation { get; private set; }

    public bool SignedOut { get; private set; }

    public bool PasskeyFailed { get; private set; }

    /// <summary>The browser's answer to navigator.credentials.get(), filled in by passkeys.js.</summary>
    [BindProperty]
    public string? CredentialJson { get; set; }

    public bool EmailOn => email.Value.IsConfigured;

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter your email address.")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Please enter your password.")]
        public string? Password { get; set; }
    }

    public void OnGet()
    {
        SignedOut = TempData[LogoutModel.SignedOutKey] is true;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var password = Input.Password!;
        var cancellationToken = HttpContext.RequestAborted;
        var attempt = await PasswordAttempt.BeginAsync(Input.Email!, password, HttpContext, users, throttle, devices, cancellationToken);
        if (attempt.Wait is { } wait)
        {
            Paused = SignInThrottle.WaitMessage(wait);
            return Page();
        }

        if (attempt.User is not { } user)
        {
            ModelState.AddModelError("Input.Password", WrongDetails);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await attempt.SucceededAsync(cancellationToken);
            devices.Remember(HttpContext, user);
            confirmation.Remember(HttpContext, user);
            return LocalRedirect(ReturnUrls.Safe(Url, ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            await attempt.SucceededAsync(cancellationToken);
            return RedirectToPage("LoginWith2fa", new { ReturnUrl });
        }

        // Identity says "not allowed" before it looks at the password; only the right password learns why.
        if (result.IsNotAllowed && !await users.IsEmailConfirmedAsync(user))
        {
            if (await users.CheckPasswordAsync(user, password))
            {
                NeedsConfirmation = true;
                return Page();
            }
        }

        // A wrong password counts towards the pause, the same as one for an unknown address.
        await attempt.FailedAsync(cancellationToken);
        ModelState.AddModelError("Input.Password", WrongDetails);
        return Page();
    }

    /// <summary>Step one of signing in with a passkey, asked for by passkeys.js.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        // The email and password fields are not part of this form.
        ModelState.Clear();
        var result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (!string.IsNullOrEmpty(CredentialJson))
        {
            try
            {
                result = await signIn.PasskeySignInAsync(CredentialJson);
            }
            catch (Exception e) when (e is InvalidOperationException or JsonException or FormatException)
            {
                // No ceremony under way, or not a credential: the same answer as a passkey that does not match.
            }
        }

        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrls.Safe(Url, ReturnUrl));
        }

        PasskeyFailed = true;
        return Page();
    }
}
