using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace InnerAlly.Features.Account;

/// <summary>Answers the same whether or not the address has an account, so it tells no one who uses InnerAlly.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ResendConfirmationModel(UserManager<User> users, IEmailSender<User> sender, IOptions<EmailOptions> email, PublicLinks links) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Sent { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter the email address you signed up with.")]
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

        if (await users.FindByEmailAsync(Input.Email!.Trim()) is { EmailConfirmed: false } user)
        {
            await ConfirmEmailModel.SendLinkAsync(user, users, sender, links);
        }

        return RedirectToPage(new { sent = true });
    }
}
