using Microsoft.AspNetCore.RateLimiting;

namespace InnerAlly.Features.Account;

/// <summary>Emails a new confirmation link to an address not yet confirmed (<see cref="EmailLinkPageModel"/>'s rules).</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ResendConfirmationModel(UserManager<User> users, IEmailSender<User> sender, IOptions<EmailOptions> email, PublicLinks links) : EmailLinkPageModel(email)
{
    protected override async Task SendIfDueAsync(string address)
    {
        if (await users.FindByEmailAsync(address) is { EmailConfirmed: false } user)
        {
            await ConfirmEmailModel.SendLinkAsync(user, users, sender, links);
        }
    }
}
