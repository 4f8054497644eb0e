using Microsoft.AspNetCore.Identity.Data;

namespace InnerAlly.Features.Account;

/// <summary>POST /api/v1/account/resendConfirmationEmail: the same answer whether or not the address has an account.</summary>
internal static class ResendConfirmationEmail
{
    /// <summary>Sends the confirmation link again. Answers the same whether or not the address has an account.</summary>
    public static async Task<Ok> HandleAsync(
        [FromBody] ResendConfirmationEmailRequest request, UserManager<User> users, MailKitEmailSender sender, Mailer mailer, PublicLinks links)
    {
        if (mailer.IsConfigured && await users.FindByEmailAsync(request.Email.Trim()) is { EmailConfirmed: false } user)
        {
            await ConfirmationLink.SendAsync(user, user.Email!, users, sender, links, isChange: false);
        }

        return TypedResults.Ok();
    }
}
