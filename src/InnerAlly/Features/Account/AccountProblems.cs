namespace InnerAlly.Features.Account;

/// <summary>The account API's answers when something is wrong, in Identity's shapes.</summary>
internal static class AccountProblems
{
    public static readonly EmailAddressAttribute EmailFormat = new();

    public static ValidationProblem FieldProblem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Identity's shape: 401 with the outcome ("Failed", "NotAllowed", "RequiresTwoFactor") as the detail.</summary>
    public static ProblemHttpResult NotSignedIn(Microsoft.AspNetCore.Identity.SignInResult result) =>
        TypedResults.Problem(result.ToString(), statusCode: StatusCodes.Status401Unauthorized);

    public static ProblemHttpResult TooMany(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            title: SignInThrottle.WaitMessage(wait),
            statusCode: StatusCodes.Status429TooManyRequests,
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }

    /// <summary>Identity's shape: each error under its code.</summary>
    public static ValidationProblem Problem(IdentityResult result) =>
        TypedResults.ValidationProblem(result.Errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));

    /// <summary>
    /// Null when <paramref name="password"/> is the person's own (and <paramref name="alsoCheck"/>,
    /// checked in the same try, finds nothing wrong); otherwise the answer to give: 400 naming the
    /// field, or 429 while they must wait. The try counts against the person's one limit.
    /// </summary>
    public static async Task<IResult?> PasswordProblemAsync(
        User user, string? password, string field, string toDo, HttpContext http, UserManager<User> users, SignInThrottle throttle, CancellationToken cancellationToken,
        Func<Task<IResult?>>? alsoCheck = null)
    {
        if (string.IsNullOrEmpty(password))
        {
            return FieldProblem(field, $"Send the account's password as {field} to {toDo}. Nothing has changed.");
        }

        IResult? problem = null;
        var check = await throttle.CheckPersonAsync(user.Id, async () =>
        {
            problem = !await users.CheckPasswordAsync(user, password)
                ? FieldProblem(field, $"That is not the account's password, so we did not {toDo}. Nothing has changed.")
                : alsoCheck is null ? null : await alsoCheck();
            return problem is null;
        }, cancellationToken);
        return check.Wait is { } wait ? TooMany(http, wait) : problem;
    }
}
