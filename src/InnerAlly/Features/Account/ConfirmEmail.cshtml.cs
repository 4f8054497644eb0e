using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace InnerAlly.Features.Account;

public sealed class ConfirmEmailModel(UserManager<User> users) : PageModel
{
    public bool Confirmed { get; private set; }

    /// <summary>Sends the link this page answers: /account/confirm-email?userId=…&amp;code=… (base64url, as Identity UI does).</summary>
    public static async Task SendLinkAsync(User user, UserManager<User> users, IEmailSender<User> sender, IUrlHelper url, string scheme)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = url.Page("/Account/ConfirmEmail", pageHandler: null, values: new { userId = user.Id, code }, protocol: scheme)!;
        await sender.SendConfirmationLinkAsync(user, user.Email!, HtmlEncoder.Default.Encode(link));
    }

    public async Task OnGetAsync(Guid? userId, string? code)
    {
        if (userId is null || string.IsNullOrEmpty(code) || await users.FindByIdAsync(userId.Value.ToString()) is not { } user)
        {
            return;
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return;
        }

        Confirmed = user.EmailConfirmed || (await users.ConfirmEmailAsync(user, token)).Succeeded;
    }
}
