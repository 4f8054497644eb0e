namespace InnerAlly.Features.Account;

/// <summary>
/// A page that emails a link to the address a person types (a password reset, a new confirmation
/// link). It is only there when email is configured, and it answers the same whether or not the
/// address has an account, so it tells no one who uses InnerAlly.
/// </summary>
public abstract class EmailLinkPageModel(IOptions<EmailOptions> email) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    /// <summary>The one field: the page's words above it say which address is meant.</summary>
    public sealed class EmailInput
    {
        [Required(ErrorMessage = "Please enter your email address.")]
        [EmailAddress(ErrorMessage = "This does not look like an email address yet. It needs an @ and a domain, like name@example.com.")]
        public string? Email { get; set; }
    }

    /// <summary>Sends the link when the address has an account in the state the page is for; nothing otherwise.</summary>
    protected abstract Task SendIfDueAsync(string address);

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

        await SendIfDueAsync(Input.Email!.Trim());
        return RedirectToPage(new { sent = true });
    }
}
