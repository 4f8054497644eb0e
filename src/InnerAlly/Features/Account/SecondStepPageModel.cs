using IdentitySignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace InnerAlly.Features.Account;

/// <summary>
/// The second step of signing in, after the password: a code read from the form, tried against the
/// person's one limit, then back to where they were going. Each page says what a code is and how
/// to try it.
/// </summary>
public abstract class SecondStepPageModel<TInput>(SignInManager<User> signIn, SignInThrottle throttle, KnownDevices devices, RecentConfirmation confirmation)
    : PageModel
    where TInput : new()
{
    [BindProperty]
    public TInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set when too many codes did not match; the page says how long to wait.</summary>
    public string? Paused { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return RedirectToPage("Login", new { ReturnUrl });
        }

        if (!ModelState.IsValid || ReadCode() is not { } code)
        {
            return Page();
        }

        var check = await throttle.CheckPersonAsync(user.Id, async () => (await SignInAsync(signIn, code)).Succeeded, HttpContext.RequestAborted);
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

        SayNotMatched();
        return Page();
    }

    /// <summary>The code as the sign-in expects it, or null with a message beside the field.</summary>
    protected abstract string? ReadCode();

    protected abstract Task<IdentitySignInResult> SignInAsync(SignInManager<User> signIn, string code);

    /// <summary>Puts the words for a code that did not match beside the field.</summary>
    protected abstract void SayNotMatched();
}
