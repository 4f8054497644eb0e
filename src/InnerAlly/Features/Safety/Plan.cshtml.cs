namespace InnerAlly.Features.Safety;

/// <summary>The person's safety plan to read, and to print; the same use case as /api/v1/safety-plan.</summary>
public sealed class PlanModel(AppDbContext db, SafetySupport safety) : PageModel
{
    public const string SavedKey = "SafetyPlan.Saved";

    public SaveSafetyPlan.Response Plan { get; private set; } = null!;

    public string? UpdatedAt { get; private set; }

    public SupportResources Resources { get; private set; } = null!;

    public bool JustSaved { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.GetUserId();
        Plan = await SaveSafetyPlan.GetAsync(userId, db, cancellationToken);
        if (Plan.UpdatedAt is { } updated)
        {
            UpdatedAt = PersonalTime.Format(updated, await PersonalTime.ZoneForAsync(userId, db, cancellationToken));
        }

        Resources = safety.ResourcesFor(HttpContext, await safety.CountryOfAsync(User, db, cancellationToken));
        JustSaved = TempData[SavedKey] is true;
    }
}
