using Microsoft.AspNetCore.Identity.Data;
using static InnerAlly.Features.Account.AccountProblems;

namespace InnerAlly.Features.Account;

/// <summary>
/// POST /api/v1/account/manage/2fa: reads two-step sign-in's settings, and with the account's
/// password turns it on or off or makes a new key or new recovery codes.
/// </summary>
internal static class ManageTwoFactor
{
    /// <summary>Two-step sign-in: {enable, twoFactorCode, resetSharedKey, resetRecoveryCodes, forgetMachine}. Every change (enable, resetSharedKey, resetRecoveryCodes) also needs the account's password.</summary>
    public static async Task<IResult> HandleAsync(
        [FromBody] AccountApi.ManageTwoFactorRequest request, ClaimsPrincipal principal, HttpContext http, SignInManager<User> signIn, SignInThrottle throttle,
        CancellationToken cancellationToken)
    {
        var users = signIn.UserManager;
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.NotFound();
        }

        if (request.Enable == true && request.ResetSharedKey)
        {
            return FieldProblem("resetSharedKey", "A new key turns two-step sign-in off until a code from it is checked, so it cannot be asked for together with enable.");
        }

        if (request.Enable == true && string.IsNullOrEmpty(request.TwoFactorCode))
        {
            return FieldProblem("twoFactorCode", "Send the 6-digit code your authenticator app shows, so we know it is set up.");
        }

        // A token alone (a lost phone, a copied token) may read these settings, never change them.
        // The password and, to turn it on, the code are one try against the person's one limit.
        if ((request.Enable is not null || request.ResetSharedKey || request.ResetRecoveryCodes)
            && await PasswordProblemAsync(user, request.Password, "password", "change two-step sign-in", http, users, throttle, cancellationToken,
                alsoCheck: request.Enable != true ? null : async () => await TwoFactorCodes.VerifyAsync(user, request.TwoFactorCode, null, users)
                    ? null
                    : FieldProblem("twoFactorCode", "That code did not work. Codes change every 30 seconds, so please try the one showing now.")) is { } problem)
        {
            return problem;
        }

        if (request.Enable == true)
        {
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        else if (request.Enable == false || request.ResetSharedKey)
        {
            await users.SetTwoFactorEnabledAsync(user, false);
        }

        if (request.ResetSharedKey)
        {
            await users.ResetAuthenticatorKeyAsync(user);
        }

        string[]? recoveryCodes = null;
        if (request.ResetRecoveryCodes || (request.Enable == true && await users.CountRecoveryCodesAsync(user) == 0))
        {
            recoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToArray();
        }

        if (request.ForgetMachine)
        {
            await signIn.ForgetTwoFactorClientAsync();
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("The authenticator key was not made.");
        }

        return TypedResults.Ok(new TwoFactorResponse
        {
            SharedKey = key,
            RecoveryCodes = recoveryCodes,
            RecoveryCodesLeft = recoveryCodes?.Length ?? await users.CountRecoveryCodesAsync(user),
            IsTwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user),
            IsMachineRemembered = await signIn.IsTwoFactorClientRememberedAsync(user),
        });
    }
}
