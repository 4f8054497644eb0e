using Microsoft.AspNetCore.Identity.Data;
using static InnerAlly.Features.Account.AccountProblems;

namespace InnerAlly.Features.Account;

/// <summary>POST /api/v1/account/resetPassword: a new password with {email, resetCode, newPassword}.</summary>
internal static class ResetPassword
{
    /// <summary>Sets a new password with {email, resetCode, newPassword}.</summary>
    public static async Task<Results<Ok, ValidationProblem>> HandleAsync(
        [FromBody] ResetPasswordRequest request, UserManager<User> users, SignInThrottle throttle, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(request.Email.Trim());
        if (user is null || !user.EmailConfirmed)
        {
            // The same answer as a wrong code, so it says nothing about the address.
            return Problem(IdentityResult.Failed(users.ErrorDescriber.InvalidToken()));
        }

        var result = LinkCode.Decode(request.ResetCode) is { } token
            ? await users.ResetPasswordAsync(user, token, request.NewPassword)
            : IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        if (!result.Succeeded)
        {
            return Problem(result);
        }

        // Whoever reads the address's email is its owner: tries from new devices may go ahead again.
        await throttle.ClearAsync([ThrottleKey.Address(user.Email!)], cancellationToken);
        return TypedResults.Ok();
    }
}
