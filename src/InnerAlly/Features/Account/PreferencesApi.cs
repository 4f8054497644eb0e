using System.Security.Claims;
using InnerAlly.Data;
using InnerAlly.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InnerAlly.Features.Account;

/// <summary>/api/v1/account/preferences: what the account page lets a person change, for apps.</summary>
public static class PreferencesApi
{
    public static RouteGroupBuilder MapPreferences(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/account/preferences")
            .WithTags("Account")
            .RequireAuthorization(HostingExtensions.ApiPolicy);

        group.MapGet("/", GetAsync)
            .WithName("GetPreferences")
            .WithSummary("Your preferences, such as the time zone your days are counted in.");
        group.MapPut("/", PutAsync)
            .WithName("UpdatePreferences")
            .WithSummary("Change your preferences. timeZone is an IANA id, such as Europe/London.")
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<Results<Ok<UpdatePreferences.Preferences>, NotFound>> GetAsync(
        ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await UpdatePreferences.GetAsync(user.GetUserId(), db, cancellationToken) is { } preferences
            ? TypedResults.Ok(preferences)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<UpdatePreferences.Preferences>, ValidationProblem>> PutAsync(
        UpdatePreferences.Request request, ClaimsPrincipal user, AppDbContext db, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!await UpdatePreferences.HandleAsync(request, user.GetUserId(), db, loggers.CreateLogger(typeof(UpdatePreferences)), cancellationToken))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["timeZone"] = [UpdatePreferences.UnknownZone] });
        }

        return TypedResults.Ok((await UpdatePreferences.GetAsync(user.GetUserId(), db, cancellationToken))!);
    }
}
