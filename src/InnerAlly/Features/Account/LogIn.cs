using Microsoft.AspNetCore.Identity.Data;
using static InnerAlly.Features.Account.AccountProblems;

namespace InnerAlly.Features.Account;

/// <summary>
/// POST /api/v1/account/login: signs in with {email, password} and, when two-step sign-in is on,
/// a code; a bearer token by default, a cookie with ?useCookies=true.
/// </summary>
internal static class LogIn
{
    /// <summary>Sign in with {email, password} and, when two-step sign-in is on, twoFactorCode or twoFactorRecoveryCode. ?useCookies=true signs in with a cookie instead of a bearer token.</summary>
    public static async Task<IResult> HandleAsync(
        [FromBody] LoginRequest login, [FromQuery] bool? useCookies, [FromQuery] bool? useSessionCookies, HttpContext http,
        UserManager<User> users, SignInManager<User> signIn, SignInThrottle throttle, KnownDevices devices, RecentConfirmation confirmation, TokenFamilies families, AppDbContext db,
        CancellationToken cancellationToken)
    {
        var attempt = await PasswordAttempt.BeginAsync(login.Email, login.Password, http, users, throttle, devices, cancellationToken);
        if (attempt.Wait is { } wait)
        {
            return TooMany(http, wait);
        }

        if (attempt.User is not { } user || !await users.CheckPasswordAsync(user, login.Password))
        {
            if (attempt.User is not null)
            {
                await attempt.FailedAsync(cancellationToken);
            }

            return NotSignedIn(Microsoft.AspNetCore.Identity.SignInResult.Failed);
        }

        await attempt.SucceededAsync(cancellationToken);
        if (!await signIn.CanSignInAsync(user))
        {
            return NotSignedIn(Microsoft.AspNetCore.Identity.SignInResult.NotAllowed);
        }

        var method = "pwd";
        if (await signIn.IsTwoFactorEnabledAsync(user))
        {
            if (string.IsNullOrEmpty(login.TwoFactorCode) && string.IsNullOrEmpty(login.TwoFactorRecoveryCode))
            {
                return NotSignedIn(Microsoft.AspNetCore.Identity.SignInResult.TwoFactorRequired);
            }

            var second = await TwoFactorCodes.CheckAsync(user, login.TwoFactorCode, login.TwoFactorRecoveryCode, users, throttle, cancellationToken);
            if (second.Wait is { } codeWait)
            {
                return TooMany(http, codeWait);
            }

            if (!second.Passed)
            {
                return NotSignedIn(Microsoft.AspNetCore.Identity.SignInResult.Failed);
            }

            method = "mfa";
        }

        devices.Remember(http, user);
        if (useCookies == true || useSessionCookies == true)
        {
            await signIn.SignInWithClaimsAsync(user, isPersistent: useCookies == true && useSessionCookies != true, [new Claim("amr", method)]);
            confirmation.Remember(http, user);
            return TypedResults.Empty;
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("amr", method));
        return TypedResults.SignIn(await families.StartAsync(principal, user.Id, DeviceNames.Of(http), db, cancellationToken), authenticationScheme: IdentityConstants.BearerScheme);
    }
}
