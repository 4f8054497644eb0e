using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace InnerAlly.Features.Account;

/// <summary>
/// Only there when email is configured. Answers the same whether or not the address has an
/// account, so it tells no one who uses InnerAlly.
/// </summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ForgotPasswordModel(UserManager<User> users, IEmailSender<User> sender, IOptions<EmailOptions> email, PublicLinks links) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter the email address you sign in with.")]
        [EmailAddress(ErrorMessage = "This does not look like an email address yet. It needs an @ and a domain, like name@example.com.")]
        public string? Email { get; set; }
    }

    public IActionResult OnGet(bool sent = false)
    {
        Sent = sent;
        return email.Value.IsConfigured ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!email.Value.IsConfigured)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Unconfirmed addresses get nothing: the person there may not be the one who signed up.
        if (await users.FindByEmailAsync(Input.Email!.Trim()) is { EmailConfirmed: true } user)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = LinkCode.Encode(token);
            // From App:PublicUrl: a forged Host header must not decide where the reset link points.
            var link = links.Page("/Account/ResetPassword", new { userId = user.Id, code });
            await sender.SendPasswordResetLinkAsync(user, user.Email!, HtmlEncoder.Default.Encode(link.AbsoluteUri));
        }

        return RedirectToPage(new { sent = true });
    }
}
