using System.Text.Encodings.Web;

namespace InnerAlly.Features.Account;

public sealed class ConfirmEmailModel(UserManager<User> users) : PageModel
{
    public bool Confirmed { get; private set; }

    /// <summary>
    /// Sends the link this page answers: /account/confirm-email?userId=…&amp;code=… (base64url, as
    /// Identity UI does), under App:PublicUrl and never the address the request came to.
    /// </summary>
    public static async Task SendLinkAsync(User user, UserManager<User> users, IEmailSender<User> sender, PublicLinks links)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var code = LinkCode.Encode(token);
        var link = links.Page("/Account/ConfirmEmail", new { userId = user.Id, code });
        await sender.SendConfirmationLinkAsync(user, user.Email!, HtmlEncoder.Default.Encode(link.AbsoluteUri));
    }

    public async Task OnGetAsync(Guid? userId, string? code)
    {
        if (userId is null || string.IsNullOrEmpty(code) || await users.FindByIdAsync(userId.Value.ToString()) is not { } user)
        {
            return;
        }

        if (LinkCode.Decode(code) is not { } token)
        {
            return;
        }

        Confirmed = user.EmailConfirmed || (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
