using Microsoft.AspNetCore.RateLimiting;

namespace InnerAlly.Features.Account;

/// <summary>The page the reset email links to. A new password ends every session (the stamp changes).</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed partial class ResetPasswordModel(UserManager<User> users, SignInThrottle throttle, IOptions<EmailOptions> email, ILogger<ResetPasswordModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Done { get; private set; }

    public bool LinkBroken { get; private set; }

    public sealed class InputModel
    {
        public Guid? UserId { get; set; }

        public string? Code { get; set; }

        [Required(ErrorMessage = "Please choose a new password.")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Please type your new password again here.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same. Please type the same password in both boxes.")]
        public string? ConfirmPassword { get; set; }
    }

    public IActionResult OnGet(Guid? userId, string? code, bool done = false)
    {
        if (!email.Value.IsConfigured)
        {
            return NotFound();
        }

        Done = done;
        Input.UserId = userId;
        Input.Code = code;
        LinkBroken = !done && (userId is null || string.IsNullOrEmpty(code));
        return Page();
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

        var user = Input.UserId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        var token = LinkCode.Decode(Input.Code);
        if (user is null || token is null)
        {
            LinkBroken = true;
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Input.Password!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                LinkBroken = true;
                return Page();
            }

            AccountErrors.AddTo(ModelState, result, string.Empty, "Input.Password");
            return Page();
        }

        // Proving the address is enough to lift a pause on sign-in from new devices. Not the
        // person's own limit: it also counts two-step codes, and whoever can read the email must
        // not win a fresh run of guesses at them with each reset.
        await throttle.ClearAsync([ThrottleKey.Address(user.Email!)], HttpContext.RequestAborted);
        Log.Reset(logger, user.Id);
        return RedirectToPage(new { done = true });
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2050, Level = LogLevel.Information, Message = "{UserId} chose a new password by email")]
        public static partial void Reset(ILogger logger, Guid userId);
    }
}
