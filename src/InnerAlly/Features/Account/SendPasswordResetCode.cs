using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity.Data;

namespace InnerAlly.Features.Account;

/// <summary>POST /api/v1/account/forgotPassword: emails a reset code to a confirmed address.</summary>
internal static class SendPasswordResetCode
{
    /// <summary>Emails a reset code to a confirmed address. Answers the same whether or not the address has an account.</summary>
    public static async Task<Ok> HandleAsync([FromBody] ForgotPasswordRequest request, UserManager<User> users, MailKitEmailSender sender)
    {
        // Unconfirmed addresses get nothing: the person there may not be the one who signed up.
        if (await users.FindByEmailAsync(request.Email.Trim()) is { EmailConfirmed: true } user)
        {
            var code = LinkCode.Encode(await users.GeneratePasswordResetTokenAsync(user));
            await sender.SendPasswordResetCodeAsync(user, user.Email!, HtmlEncoder.Default.Encode(code));
        }

        return TypedResults.Ok();
    }
}
