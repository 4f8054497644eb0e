using Microsoft.AspNetCore.RateLimiting;

namespace InnerAlly.Features.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed partial class RegisterModel(
    UserManager<User> users,
    SignInManager<User> signIn,
    MailKitEmailSender emailSender,
    IOptions<EmailOptions> email,
    PublicLinks links,
    RecentConfirmation confirmation,
    Countries countries,
    ILogger<RegisterModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter your email address.")]
        [EmailAddress(ErrorMessage = "This does not look like an email address yet. It needs an @ and a domain, like name@example.com.")]
        [StringLength(256, ErrorMessage = "Email addresses can be up to 256 characters.")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Please choose a password.")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Please type your password again here.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same. Please type the same password in both boxes.")]
        public string? ConfirmPassword { get; set; }

        /// <summary>Filled in by the browser (site.js); UTC when it is missing or unknown.</summary>
        public string? TimeZone { get; set; }

        /// <summary>Where the person is, asked once here so "Need help now?" shows the right lines from the start; optional.</summary>
        public string? Country { get; set; }
    }

    public IReadOnlyList<Countries.Country> CountryChoices => countries.ByName;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var country = countries.Normalize(Input.Country);
        if (!string.IsNullOrWhiteSpace(Input.Country) && country is null)
        {
            ModelState.AddModelError("Input.Country", UpdatePreferences.UnknownCountry);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var address = Input.Email!.Trim();
        var user = new User
        {
            UserName = address,
            Email = address,
            TimeZoneId = TimeZones.Normalize(Input.TimeZone) ?? "UTC",
            Country = country,
        };
        var result = await users.CreateAsync(user, Input.Password!);
        // With email on, an address that already has an account gets the same "check your email"
        // as a new one, and its owner is told by email; nobody learns here who has an account.
        if (!result.Succeeded && email.Value.IsConfigured
            && result.Errors.All(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
            && await users.FindByEmailAsync(address) is { } existing)
        {
            await emailSender.SendAlreadyRegisteredAsync(existing, links);
            return RedirectToPage("RegisterConfirmation");
        }

        if (!result.Succeeded)
        {
            AccountErrors.AddTo(ModelState, result, "Input.Email", "Input.Password");
            return Page();
        }

        Log.Registered(logger, user.Id);
        if (country is not null)
        {
            // Kept on the account and on this device, as /help keeps it.
            CrisisLines.RememberOnDevice(HttpContext, country);
        }

        if (email.Value.IsConfigured)
        {
            await ConfirmEmailModel.SendLinkAsync(user, users, emailSender, links);
            return RedirectToPage("RegisterConfirmation");
        }

        cancellationToken.ThrowIfCancellationRequested();
        await signIn.SignInAsync(user, isPersistent: false);
        confirmation.Remember(HttpContext, user);
        return LocalRedirect(ReturnUrls.Safe(Url, ReturnUrl));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Account {UserId} created")]
        public static partial void Registered(ILogger logger, Guid userId);
    }
}
