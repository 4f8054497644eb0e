namespace InnerAlly.Features.Account;

/// <summary>/api/v1/account/preferences: what the account page lets a person change, for apps.</summary>
public static class PreferencesApi
{
    public static RouteGroupBuilder MapPreferences(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/v1/account/preferences", "Account");

        group.MapGet("/", GetAsync).WithName("GetPreferences");
        group.MapPut("/", PutAsync).WithName("UpdatePreferences").ProducesValidationProblem();
        return group;
    }

    /// <summary>Your preferences: the time zone your days are counted in, and the country whose crisis lines come first.</summary>
    public static async Task<Results<Ok<UpdatePreferences.Preferences>, NotFound>> GetAsync(
        ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await UpdatePreferences.GetAsync(user.GetUserId(), db, cancellationToken) is { } preferences
            ? TypedResults.Ok(preferences)
            : TypedResults.NotFound();

    /// <summary>Replace your preferences. timeZone is an IANA id, such as Europe/London; country is an ISO 3166-1 alpha-2 code, such as GB, or null for none.</summary>
    public static async Task<Results<Ok<UpdatePreferences.Preferences>, ValidationProblem>> PutAsync(
        UpdatePreferences.Request request, ClaimsPrincipal user, AppDbContext db, Countries countries, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var errors = await UpdatePreferences.HandleAsync(request, user.GetUserId(), db, countries, loggers.CreateLogger(typeof(UpdatePreferences)), cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok((await UpdatePreferences.GetAsync(user.GetUserId(), db, cancellationToken)));
    }
}
