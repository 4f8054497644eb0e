using System.Text.Encodings.Web;

namespace InnerAlly.Features.Account;

/// <summary>The email that confirms an address, new or changed, for the account API.</summary>
internal static class ConfirmationLink
{
    /// <summary>The name of the API's confirmEmail endpoint, which the link points at.</summary>
    public const string EndpointName = "ConfirmEmail";

    /// <summary>The link points at this API's confirmEmail, under the public address.</summary>
    public static async Task SendAsync(User user, string email, UserManager<User> users, MailKitEmailSender sender, PublicLinks links, bool isChange)
    {
        var token = isChange ? await users.GenerateChangeEmailTokenAsync(user, email) : await users.GenerateEmailConfirmationTokenAsync(user);
        var code = LinkCode.Encode(token);
        var link = isChange
            ? links.Endpoint(EndpointName, new { userId = user.Id, code, changedEmail = email })
            : links.Endpoint(EndpointName, new { userId = user.Id, code });
        await sender.SendConfirmationLinkAsync(user, email, HtmlEncoder.Default.Encode(link.AbsoluteUri));
    }
}
