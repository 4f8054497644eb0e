using System.Text.Encodings.Web;
using Microsoft.AspNetCore.RateLimiting;

namespace InnerAlly.Features.Account;

/// <summary>Emails a password reset link to a confirmed address (<see cref="EmailLinkPageModel"/>'s rules).</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ForgotPasswordModel(UserManager<User> users, IEmailSender<User> sender, IOptions<EmailOptions> email, PublicLinks links) : EmailLinkPageModel(email)
{
    protected override async Task SendIfDueAsync(string address)
    {
        // Unconfirmed addresses get nothing: the person there may not be the one who signed up.
        if (await users.FindByEmailAsync(address) is { EmailConfirmed: true } user)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = LinkCode.Encode(token);
            // From App:PublicUrl: a forged Host header must not decide where the reset link points.
            var link = links.Page("/Account/ResetPassword", new { userId = user.Id, code });
            await sender.SendPasswordResetLinkAsync(user, user.Email!, HtmlEncoder.Default.Encode(link.AbsoluteUri));
        }
    }
}
