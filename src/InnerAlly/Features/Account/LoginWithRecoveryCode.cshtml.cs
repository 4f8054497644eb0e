using Microsoft.AspNetCore.RateLimiting;
using IdentitySignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace InnerAlly.Features.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginWithRecoveryCodeModel(SignInManager<User> signIn, SignInThrottle throttle, KnownDevices devices, RecentConfirmation confirmation)
    : SecondStepPageModel<LoginWithRecoveryCodeModel.InputModel>(signIn, throttle, devices, confirmation)
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter one of your recovery codes.")]
        [StringLength(64, ErrorMessage = "Recovery codes are 11 characters, like AB12C-DE34F.")]
        public string? RecoveryCode { get; set; }
    }

    protected override string? ReadCode() => Input.RecoveryCode!.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    protected override Task<IdentitySignInResult> SignInAsync(SignInManager<User> signIn, string code) => signIn.TwoFactorRecoveryCodeSignInAsync(code);

    protected override void SayNotMatched() =>
        ModelState.AddModelError("Input.RecoveryCode", "That recovery code did not work. Each code works only once; please check it, or try another from your list.");
}
