using System.Text.Encodings.Web;
using QRCoder;

namespace InnerAlly.Features.Account;

/// <summary>
/// Two-step sign-in with an authenticator app (TOTP): set up, recovery codes, turn off. Every
/// change here changes the security stamp, so other sessions end and this one is refreshed, and
/// needs a recent password (<see cref="RecentConfirmation"/>): without one, the page and every
/// change send the person to type it first, and nothing changes.
/// </summary>
public sealed partial class TwoFactorModel(
    UserManager<User> users,
    SignInManager<User> signIn,
    IUserStore<User> store,
    SignInThrottle throttle,
    RecentConfirmation confirmation,
    ILogger<TwoFactorModel> logger) : PageModel
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "InnerAlly";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Enabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    /// <summary>The shared key in groups of four, for typing into an app by hand.</summary>
    public string? SharedKey { get; private set; }

    public string? QrCodeDataUri { get; private set; }

    /// <summary>Shown once, right after they are made; never stored in a readable form.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }

    public bool JustEnabled { get; private set; }

    public bool ConfirmingTurnOff { get; private set; }

    public string? Status { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter the 6-digit code your app shows.")]
        public string? Code { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string? step, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!confirmation.IsOpen(HttpContext, user))
        {
            return AskFirst(step == "turn-off" ? "?step=turn-off" : "");
        }

        await LoadAsync(user, cancellationToken);
        ConfirmingTurnOff = Enabled && step == "turn-off";
        Status = TempData[IndexModel.StatusKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (confirmation.OpenUntil(HttpContext, user) is not { } until)
        {
            return AskFirst();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        if (ModelState.IsValid)
        {
            if (LoginWith2faModel.SixDigits(Input.Code) is null)
            {
                ModelState.AddModelError("Input.Code", "The code is 6 digits, like 123 456. Please check it and try again.");
            }
            else if (await TwoFactorCodes.CheckAsync(user, Input.Code, null, users, throttle, cancellationToken) is { Passed: false } check)
            {
                ModelState.AddModelError("Input.Code", check.Wait is { } wait
                    ? SignInThrottle.WaitMessage(wait)
                    : "That code did not match. Codes change every 30 seconds, so please try the one your app shows now.");
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user, cancellationToken);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await signIn.RefreshSignInAsync(user);
        confirmation.KeepAfterChange(HttpContext, user, until);
        Log.Enabled(logger, user.Id);
        JustEnabled = true;
        Enabled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!confirmation.IsOpen(HttpContext, user))
        {
            return AskFirst();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        NewRecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        Log.NewRecoveryCodes(logger, user.Id);
        Enabled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostTurnOffAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (confirmation.OpenUntil(HttpContext, user) is not { } until)
        {
            return AskFirst("?step=turn-off");
        }

        if (user.TwoFactorEnabled)
        {
            await users.SetTwoFactorEnabledAsync(user, false);

            // A fresh key next time: the old one may be on a phone that is gone.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            confirmation.KeepAfterChange(HttpContext, user, until);
            Log.Disabled(logger, user.Id);
            TempData[IndexModel.StatusKey] = "Two-step sign-in is off. Signing in now needs only your password. You can turn it on again whenever you like.";
        }

        return RedirectToPage();
    }

    /// <summary>To the password page and, once it is typed, back here; nothing has changed.</summary>
    private RedirectResult AskFirst(string query = "") => Redirect(RecentConfirmation.AskPath("/account/two-factor" + query));

    private async Task LoadAsync(User user, CancellationToken cancellationToken)
    {
        Enabled = user.TwoFactorEnabled;
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not ResetAuthenticatorKeyAsync: that changes the security stamp, and opening this page
            // should not sign the person out on their other devices. Nothing uses the key until it is verified.
            await ((IUserAuthenticatorKeyStore<User>)store).SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), cancellationToken);
            await users.UpdateAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        SharedKey = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var uri = $"otpauth://totp/{UrlEncoder.Default.Encode(Issuer)}:{UrlEncoder.Default.Encode(user.Email ?? string.Empty)}?secret={key}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits=6";
        var png = PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.M, 6);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2040, Level = LogLevel.Information, Message = "{UserId} turned on two-step sign-in")]
        public static partial void Enabled(ILogger logger, Guid userId);

        [LoggerMessage(EventId = 2041, Level = LogLevel.Information, Message = "{UserId} made new recovery codes")]
        public static partial void NewRecoveryCodes(ILogger logger, Guid userId);

        [LoggerMessage(EventId = 2042, Level = LogLevel.Information, Message = "{UserId} turned off two-step sign-in")]
        public static partial void Disabled(ILogger logger, Guid userId);
    }
}
