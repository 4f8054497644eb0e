using Microsoft.AspNetCore.Identity.Data;
using static InnerAlly.Features.Account.AccountProblems;

namespace InnerAlly.Features.Account;

/// <summary>
/// POST /api/v1/account/manage/info: a new password ({oldPassword, newPassword}) or a new email
/// address ({newEmail, oldPassword}), which counts once its owner confirms it by email.
/// </summary>
internal static class ChangeAccountInfo
{
    /// <summary>Change the password ({oldPassword, newPassword}) or the email address ({newEmail, oldPassword}, confirmed by email).</summary>
    public static async Task<IResult> HandleAsync(
        [FromBody] InfoRequest request, ClaimsPrincipal principal, HttpContext http, UserManager<User> users, SignInThrottle throttle,
        MailKitEmailSender sender, PublicLinks links, Mailer mailer, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.NotFound();
        }

        if (!string.IsNullOrEmpty(request.NewEmail) && !EmailFormat.IsValid(request.NewEmail))
        {
            return Problem(IdentityResult.Failed(users.ErrorDescriber.InvalidEmail(request.NewEmail)));
        }

        if (!string.IsNullOrEmpty(request.NewPassword))
        {
            if (string.IsNullOrEmpty(request.OldPassword))
            {
                return FieldProblem("oldPassword", "Send your current password as oldPassword to choose a new one. If you have forgotten it, use forgotPassword.");
            }

            var changed = IdentityResult.Success;
            var check = await throttle.CheckPersonAsync(user.Id, async () =>
            {
                changed = await users.ChangePasswordAsync(user, request.OldPassword, request.NewPassword);
                return !changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            }, cancellationToken);
            if (check.Wait is { } wait)
            {
                return TooMany(http, wait);
            }

            if (!changed.Succeeded)
            {
                return Problem(changed);
            }
        }
        else if (!string.IsNullOrEmpty(request.NewEmail)
            && await PasswordProblemAsync(user, request.OldPassword, "oldPassword", "change the email address", http, users, throttle, cancellationToken) is { } problem)
        {
            return problem;
        }

        if (!string.IsNullOrEmpty(request.NewEmail) && mailer.IsConfigured && !string.Equals(user.Email, request.NewEmail, StringComparison.OrdinalIgnoreCase))
        {
            await ConfirmationLink.SendAsync(user, request.NewEmail, users, sender, links, isChange: true);
        }

        return TypedResults.Ok(GetAccountInfo.Of(user));
    }
}
