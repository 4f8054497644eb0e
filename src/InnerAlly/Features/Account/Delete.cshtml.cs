using Microsoft.AspNetCore.RateLimiting;

namespace InnerAlly.Features.Account;

/// <summary>/account/delete: the password, then the account and everything in it, then signed out.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class DeleteAccountModel(UserManager<User> users, SignInManager<User> signIn, SignInThrottle throttle, ILogger<DeleteAccountModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Password { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var attempt = await DeleteAccount.HandleAsync(user, Input.Password, users, throttle, logger, HttpContext.RequestAborted);
        if (DeleteAccount.MessageFor(attempt) is { } message)
        {
            ModelState.AddModelError("Input.Password", message);
            return Page();
        }

        await signIn.SignOutAsync();
        return RedirectToPage("Deleted");
    }
}
