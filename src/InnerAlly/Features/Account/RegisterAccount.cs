using Microsoft.AspNetCore.Identity.Data;
using static InnerAlly.Features.Account.AccountProblems;

namespace InnerAlly.Features.Account;

/// <summary>POST /api/v1/account/register: makes an account with {email, password}.</summary>
internal static class RegisterAccount
{
    /// <summary>Make an account with {email, password}. With email on, the answer is the same whether or not the address already has an account; its owner is told by email.</summary>
    public static async Task<Results<Ok, ValidationProblem>> HandleAsync(
        [FromBody] RegisterRequest registration, UserManager<User> users, MailKitEmailSender sender, Mailer mailer, PublicLinks links)
    {
        var address = registration.Email.Trim();
        if (!EmailFormat.IsValid(address))
        {
            return Problem(IdentityResult.Failed(users.ErrorDescriber.InvalidEmail(address)));
        }

        var user = new User { UserName = address, Email = address };
        var result = await users.CreateAsync(user, registration.Password);
        if (!result.Succeeded)
        {
            // With email on, an address that already has an account answers like a new one, and
            // its owner hears about the try; with email off there is no one to tell, and signing
            // in would show it anyway, so the duplicate is said plainly.
            if (mailer.IsConfigured && result.Errors.All(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                && await users.FindByEmailAsync(address) is { } existing)
            {
                await sender.SendAlreadyRegisteredAsync(existing, links);
                return TypedResults.Ok();
            }

            return Problem(result);
        }

        if (mailer.IsConfigured)
        {
            await ConfirmationLink.SendAsync(user, user.Email, users, sender, links, isChange: false);
        }

        return TypedResults.Ok();
    }
}
