namespace InnerAlly.Features.Safety;

/// <summary>
/// "Need help now?", open to anyone. It must answer even when the database is down: the lines
/// come from a file, and the one database read (the signed-in person's country) gives up quietly.
/// It asks once where the person is, and remembers: in their account when signed in, else in a
/// cookie on this device. It never guesses from the browser's language.
/// </summary>
public sealed class HelpModel(SafetySupport safety, CrisisLines lines, Countries countries, AppDbContext db, ILogger<HelpModel> logger) : PageModel
{
    public SupportResources Resources { get; private set; } = null!;

    /// <summary>Every listed country but the one shown first.</summary>
    public IReadOnlyList<CrisisLines.Country> Others { get; private set; } = [];

    public bool SignedIn { get; private set; }

    public IReadOnlyList<Countries.Country> CountryChoices => countries.ByName;

    /// <summary>The country chosen on the form, kept when it is refused.</summary>
    [BindProperty]
    public string? Country { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCountryAsync(CancellationToken cancellationToken)
    {
        if (countries.Normalize(Country) is not { } chosen)
        {
            ModelState.AddModelError(nameof(Country), UpdatePreferences.UnknownCountry);
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (User.Identity?.IsAuthenticated == true)
        {
            await UpdatePreferences.ChangeCountryAsync(chosen, User.GetUserId(), db, countries, logger, cancellationToken);
        }

        CrisisLines.RememberOnDevice(HttpContext, chosen);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        SignedIn = User.Identity?.IsAuthenticated == true;
        var country = await safety.CountryOfAsync(User, db, cancellationToken);
        Resources = safety.ResourcesFor(HttpContext, country);
        Others = [.. lines.All.Countries.Where(c => c != Resources.Country)];
    }
}
