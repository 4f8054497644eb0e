namespace InnerAlly.Features.Account;

public sealed class IndexModel(UserManager<User> users, AppDbContext db, Countries countries, CrisisLines lines, TimeProvider clock, ILogger<IndexModel> logger) : PageModel
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

    public IReadOnlyList<Countries.Country> CountryChoices => countries.ByName;

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
            && await UpdatePreferences.ChangeTimeZoneAsync(Preferences.TimeZone, User.GetUserId(), db, logger, cancellationToken))
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

    public async Task<IActionResult> OnPostCountryAsync(CancellationToken cancellationToken)
    {
        // Only the country is sent from its form; the time zone's rules do not apply here.
        ModelState.Remove("Preferences.TimeZone");
        var chosen = Preferences.Country;
        if (await UpdatePreferences.ChangeCountryAsync(chosen, User.GetUserId(), db, countries, logger, cancellationToken))
        {
            TempData[StatusKey] = countries.Find(chosen) switch
            {
                null => "Your country is cleared. Help pages now go by your browser's language settings.",
                { } country when lines.Find(country.Code) is not null => $"Your country is saved: {country.Name}. Help pages now show its crisis lines first.",
                { } country => $"Your country is saved: {country.Name}. We do not list its crisis lines yet, so help pages point you to findahelpline.com, which does.",
            };
            return RedirectToPage();
        }

        ModelState.AddModelError("Preferences.Country", UpdatePreferences.UnknownCountry);
        if (!await LoadAsync())
        {
            return Challenge();
        }

        Preferences.Country = chosen;
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
        Preferences.Country = user.Country;
        var now = clock.GetUtcNow();
        Zones = TimeZones.Choices(now, user.TimeZoneId);
        LocalTimeNow = PersonalTime.Format(now.UtcDateTime, user.TimeZone);
        return true;
    }
}
