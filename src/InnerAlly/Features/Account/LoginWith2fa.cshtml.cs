using Microsoft.AspNetCore.RateLimiting;
using IdentitySignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace InnerAlly.Features.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginWith2faModel(SignInManager<User> signIn, SignInThrottle throttle, KnownDevices devices, RecentConfirmation confirmation)
    : SecondStepPageModel<LoginWith2faModel.InputModel>(signIn, throttle, devices, confirmation)
{
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

    protected override string? ReadCode()
    {
        if (SixDigits(Input.Code) is { } code)
        {
            return code;
        }

        ModelState.AddModelError("Input.Code", "The code is 6 digits, like 123 456. Please check it and try again.");
        return null;
    }

    protected override Task<IdentitySignInResult> SignInAsync(SignInManager<User> signIn, string code) =>
        signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);

    protected override void SayNotMatched() =>
        ModelState.AddModelError("Input.Code", "That code did not work. Codes change every 30 seconds, so please try the one showing now.");
}
