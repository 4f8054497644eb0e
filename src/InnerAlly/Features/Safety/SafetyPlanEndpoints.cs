namespace InnerAlly.Features.Safety;

/// <summary>/api/v1/safety-plan: the signed-in person's own safety plan, and no one else's.</summary>
public static class SafetyPlanEndpoints
{
    public static RouteGroupBuilder MapSafetyPlan(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/v1/safety-plan", "Safety");

        group.MapGet("/", GetAsync).WithName("GetSafetyPlan");
        group.MapPut("/", PutAsync).WithName("SaveSafetyPlan").ProducesValidationProblem();
        return group;
    }

    /// <summary>Your safety plan. Before you first save one, every step is null and updatedAt is null.</summary>
    public static async Task<Ok<SaveSafetyPlan.Response>> GetAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await SaveSafetyPlan.GetAsync(user.GetUserId(), db, cancellationToken));

    /// <summary>Replace your safety plan. Every step is optional (up to 4,000 characters); one left out or empty is cleared. Only you can see it.</summary>
    public static async Task<Ok<SaveSafetyPlan.Response>> PutAsync(
        SaveSafetyPlan.Request request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await SaveSafetyPlan.HandleAsync(request, user.GetUserId(), db, clock, cancellationToken));
}
