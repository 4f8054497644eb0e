using InnerAlly.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnerAlly.Features.Account;

public sealed class IndexModel(UserManager<User> users, AppDbContext db, TimeProvider clock, ILogger<IndexModel> logger) : PageModel
{
    public const string StatusKey = "Account.Status";

    [BindProperty]
    public UpdatePreferences.Request Preferences { get; set; } = new();

    public string Email { get; private set; } = string.Empty;

    public bool TwoFactorOn { get; private set; }

    public int PasskeyCount { get; private set; }

    public string? Status { get; private set; }

    public string LocalTimeNow { get; private set; } = string.Empty;

    public IReadOnlyList<TimeZones.Choice> Zones { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        Status = TempData[StatusKey] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostTimeZoneAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid
            && await UpdatePreferences.HandleAsync(Preferences, User.GetUserId(), db, logger, cancellationToken))
        {
            TempData[StatusKey] = "Your time zone is saved. Your check-ins now follow your days there.";
            return RedirectToPage();
        }

        ModelState.Remove("Preferences.TimeZone");
        ModelState.AddModelError("Preferences.TimeZone", UpdatePreferences.UnknownZone);
        var chosen = Preferences.TimeZone;
        if (!await LoadAsync())
        {
            return Challenge();
        }

        Preferences.TimeZone = chosen;
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return false;
        }

        Email = user.Email ?? string.Empty;
        TwoFactorOn = user.TwoFactorEnabled;
        PasskeyCount = (await users.GetPasskeysAsync(user)).Count;
        Preferences.TimeZone = user.TimeZoneId;
        var now = clock.GetUtcNow();
        Zones = TimeZones.Choices(now, user.TimeZoneId);
        LocalTimeNow = PersonalTime.Format(now.UtcDateTime, user.TimeZone);
        return true;
    }
}
