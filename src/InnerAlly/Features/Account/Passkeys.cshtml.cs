using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace InnerAlly.Features.Account;

/// <summary>
/// Passkeys: sign in with the phone or computer's own lock instead of a password. Adding one
/// needs the browser (wwwroot/js/passkeys.js); seeing and removing them works without script.
/// The page and every change need a recent password (<see cref="RecentConfirmation"/>), and each
/// change gives the person a new security stamp, so other sessions end as after a new password.
/// </summary>
public sealed partial class PasskeysModel(UserManager<User> users, SignInManager<User> signIn, RecentConfirmation confirmation, ILogger<PasskeysModel> logger) : PageModel
{
    public const int MaxPasskeys = 10;
    public const int NameMaxLength = 60;

    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    public sealed record Saved(string Id, string Name, string Added);

    public IReadOnlyList<Saved> Passkeys { get; private set; } = [];

    public string? Status { get; private set; }

    public bool AddFailed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!confirmation.IsOpen(HttpContext, user))
        {
            return AskFirst();
        }

        await LoadAsync(user);
        Status = TempData[IndexModel.StatusKey] as string;
        return Page();
    }

    /// <summary>Step one, asked for by passkeys.js: the options for navigator.credentials.create().</summary>
    public async Task<IActionResult> OnPostCreationOptionsAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!confirmation.IsOpen(HttpContext, user))
        {
            // Asked for by script: the form post that follows is sent to the password page instead.
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var entity = new PasskeyUserEntity { Id = await users.GetUserIdAsync(user), Name = user.Email!, DisplayName = user.Email! };
        return Content(await signIn.MakePasskeyCreationOptionsAsync(entity), "application/json");
    }

    /// <summary>Step two: the browser's new credential, sent with an ordinary form post.</summary>
    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (confirmation.OpenUntil(HttpContext, user) is not { } until)
        {
            return AskFirst();
        }

        ModelState.Clear();
        var name = string.IsNullOrWhiteSpace(Name) ? null : Name.Trim();
        if (name?.Length > NameMaxLength || PlainText.LabelProblem(name) is not null)
        {
            ModelState.AddModelError(nameof(Name), PlainText.LabelProblem(name) ?? $"A name can be up to {NameMaxLength} characters.");
            await LoadAsync(user);
            return Page();
        }

        var result = string.IsNullOrEmpty(CredentialJson) || (await users.GetPasskeysAsync(user)).Count >= MaxPasskeys
            ? null
            : await AttestAsync(CredentialJson);
        if (result is not { Succeeded: true })
        {
            AddFailed = true;
            await LoadAsync(user);
            return Page();
        }

        var passkey = result.Passkey;
        passkey.Name = name ?? $"Passkey added {passkey.CreatedAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";
        var saved = await users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!saved.Succeeded)
        {
            AddFailed = true;
            await LoadAsync(user);
            return Page();
        }

        await EndOtherSessionsAsync(user, until);
        Log.Added(logger, user.Id);
        TempData[IndexModel.StatusKey] = "Your passkey is saved. Next time, you can sign in with it instead of your password.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? id)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (confirmation.OpenUntil(HttpContext, user) is not { } until)
        {
            return AskFirst();
        }

        if (Decode(id) is { } credentialId && await users.GetPasskeyAsync(user, credentialId) is not null)
        {
            await users.RemovePasskeyAsync(user, credentialId);
            await EndOtherSessionsAsync(user, until);
            Log.Removed(logger, user.Id);
            TempData[IndexModel.StatusKey] = "That passkey is removed. It can no longer be used to sign in.";
        }

        return RedirectToPage();
    }

    private RedirectResult AskFirst() => Redirect(RecentConfirmation.AskPath("/account/passkeys"));

    /// <summary>A new stamp ends every other session; this one, and its recent password, carry on.</summary>
    private async Task EndOtherSessionsAsync(User user, DateTimeOffset until)
    {
        await users.UpdateSecurityStampAsync(user);
        await signIn.RefreshSignInAsync(user);
        confirmation.KeepAfterChange(HttpContext, user, until);
    }

    private async Task<PasskeyAttestationResult?> AttestAsync(string credentialJson)
    {
        try
        {
            return await signIn.PerformPasskeyAttestationAsync(credentialJson);
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException or FormatException)
        {
            // No ceremony under way (the options were never asked for, or were used already), or not a credential.
            return null;
        }
    }

    private async Task LoadAsync(User user)
    {
        Passkeys = [.. (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new Saved(
                WebEncoders.Base64UrlEncode(p.CredentialId),
                p.Name ?? "Passkey",
                PersonalTime.Format(p.CreatedAt.UtcDateTime, user.TimeZone)))];
    }

    internal static byte[]? Decode(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        try
        {
            return WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2060, Level = LogLevel.Information, Message = "{UserId} added a passkey")]
        public static partial void Added(ILogger logger, Guid userId);

        [LoggerMessage(EventId = 2061, Level = LogLevel.Information, Message = "{UserId} removed a passkey")]
        public static partial void Removed(ILogger logger, Guid userId);
    }
}
