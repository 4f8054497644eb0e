using System.Security.Claims;
using InnerAlly.Data;
using InnerAlly.Features.Account;
using InnerAlly.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnerAlly.Features.Safety;

/// <summary>/api/v1/safety-plan: the signed-in person's own safety plan, and no one else's.</summary>
public static class SafetyPlanEndpoints
{
    public static RouteGroupBuilder MapSafetyPlan(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/safety-plan")
            .WithTags("Safety")
            .RequireAuthorization(HostingExtensions.ApiPolicy);

        group.MapGet("/", GetAsync)
            .WithName("GetSafetyPlan")
            .WithSummary("Your safety plan. Before you first save one, every step is null and updatedAt is null.");
        group.MapPut("/", PutAsync)
            .WithName("SaveSafetyPlan")
            .WithSummary("Replace your safety plan. Every step is optional (up to 4,000 characters); one left out or empty is cleared. Only you can see it.")
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<Ok<SaveSafetyPlan.Response>> GetAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await SaveSafetyPlan.GetAsync(user.GetUserId(), db, cancellationToken));

    private static async Task<Ok<SaveSafetyPlan.Response>> PutAsync(
        SaveSafetyPlan.Request request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        TypedResults.Ok(await SaveSafetyPlan.HandleAsync(request, user.GetUserId(), db, clock, cancellationToken));
}
