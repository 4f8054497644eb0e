using InnerAlly.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace InnerAlly.Features.Safety;

/// <summary>
/// "Need help now?", open to anyone. It must answer even when the database is down: the lines
/// come from a file, and the one database read (the signed-in person's country) gives up quietly.
/// </summary>
public sealed class HelpModel(SafetySupport safety, AppDbContext db) : PageModel
{
    public SupportResources Resources { get; private set; } = null!;

    /// <summary>Every listed country but the one shown first.</summary>
    public IReadOnlyList<CrisisLines.Country> Others { get; private set; } = [];

    public bool SignedIn { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SignedIn = User.Identity?.IsAuthenticated == true;
        var country = await safety.CountryOfAsync(User, db, cancellationToken);
        Resources = SafetySupport.ResourcesFor(HttpContext, country);
        Others = [.. CrisisLines.All.Countries.Where(c => c != Resources.Country)];
    }
}
