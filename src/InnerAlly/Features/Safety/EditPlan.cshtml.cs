namespace InnerAlly.Features.Safety;

/// <summary>Writing or changing the safety plan. A step that is too long is explained beside it, and nothing typed is lost.</summary>
public sealed class EditPlanModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SaveSafetyPlan.Request Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Input = SaveSafetyPlan.Request.From((await SaveSafetyPlan.GetAsync(User.GetUserId(), db, cancellationToken)).Steps);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await SaveSafetyPlan.HandleAsync(Input, User.GetUserId(), db, clock, cancellationToken);
        TempData[PlanModel.SavedKey] = true;
        return RedirectToPage("Plan");
    }

    /// <summary>What the form shows for a step: what was just sent, or what is saved.</summary>
    public string? ValueOf(int step) => Input.ToSteps().All[step];
}
