using System.Text.Json.Serialization;
using InnerAlly.Features.Learn;
using InnerAlly.Features.Measures;
using InnerAlly.Features.Practices;
using Microsoft.Net.Http.Headers;

namespace InnerAlly.Features.Account;

public static class AccountApi
{
    /// <summary>The account API (register, login, refresh, 2FA, ...) under /api/v1/account, in Identity's shapes (see <see cref="AccountEndpoints"/>).</summary>
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/account").WithTags("Account");
        AccountEndpoints.Map(group);
        group.MapPost("/logout", LogoutEverywhereAsync).RequireAuthorization(HostingExtensions.ApiPolicy).WithName("LogoutEverywhere");
        group.MapGet("/sessions", ListSignInsAsync).RequireAuthorization(HostingExtensions.ApiPolicy).WithName("ListSignIns");
        group.MapDelete("/sessions/{id:guid}", EndSignInAsync).RequireAuthorization(HostingExtensions.ApiPolicy).WithName("EndSignIn");
        group.MapGet("/export", ExportAsync).RequireAuthorization(HostingExtensions.ApiOrPagePolicy).WithName("ExportPersonalData");
        group.MapDelete("/", DeleteAsync)
            .RequireAuthorization(HostingExtensions.ApiPolicy)
            .RequireRateLimiting(RateLimits.SignIn)
            .WithName("DeleteAccount")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        app.MapPreferences();
        return app;
    }

    public sealed record SignInResponse(Guid Id, string Kind, string? Device, DateTime SignedInAt, bool Current);

    /// <summary>Every browser and app where you are signed in: id, kind (app or browser), device, signedInAt, and current for the one asking.</summary>
    public static async Task<Results<Ok<SignInResponse[]>, UnauthorizedHttpResult>> ListSignInsAsync(
        ClaimsPrincipal principal, HttpContext http, UserManager<User> users, TokenFamilies families, AppDbContext db, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var current = await TokenFamilies.FamilyOfAsync(http);
        return TypedResults.Ok((await families.ListAsync(user, db, cancellationToken))
            .Select(s => new SignInResponse(s.Id, s.Kind == SignInKind.App ? "app" : "browser", s.Device, s.SignedInAt, s.Id == current))
            .ToArray());
    }

    /// <summary>End one sign-in (its tokens or its cookie stop working now). 404 when it is not yours or is over already.</summary>
    public static async Task<Results<NoContent, NotFound, UnauthorizedHttpResult>> EndSignInAsync(
        Guid id, ClaimsPrincipal principal, UserManager<User> users, TokenFamilies families, AppDbContext db, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        return await families.EndAsync(user.Id, id, db, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    /// <summary>Everything you have kept here, in one JSON file: your account's settings, check-ins, practice, lessons, safety plan, questionnaires and writing.</summary>
    public static async Task<Results<JsonHttpResult<PersonalData.Export>, UnauthorizedHttpResult>> ExportAsync(
        ClaimsPrincipal principal, UserManager<User> users, AppDbContext db, LessonCatalog lessons, InstrumentCatalog instruments, PracticeCatalog practices, TimeProvider clock,
        HttpContext http, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var export = await PersonalData.ExportAsync(user, users, db, lessons, instruments, practices, clock, loggers.CreateLogger(typeof(PersonalData)), cancellationToken);
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = PersonalData.FileName(user, clock.GetUtcNow()) }.ToString();
        return TypedResults.Json(export);
    }

    /// <param name="Password">The account's password, so a token alone cannot delete it.</param>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record DeleteRequest(string? Password);

    /// <summary>Identity's TwoFactorRequest, with the password that every change needs.</summary>
    public sealed record ManageTwoFactorRequest(
        bool? Enable = null,
        string? TwoFactorCode = null,
        bool ResetSharedKey = false,
        bool ResetRecoveryCodes = false,
        bool ForgetMachine = false,
        string? Password = null);

    /// <summary>Delete your account and everything in it, for good. Send {password}; every token and signed-in page for the account ends.</summary>
    public static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult, ProblemHttpResult>> DeleteAsync(
        [FromBody] DeleteRequest? request, ClaimsPrincipal principal, HttpContext http, UserManager<User> users, AppDbContext db, TimeProvider clock, SignInThrottle throttle,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var attempt = await DeleteAccount.HandleAsync(user, request?.Password, users, db, clock, throttle, loggers.CreateLogger(typeof(DeleteAccount)), cancellationToken);
        if (attempt.Check.Wait is { } wait)
        {
            return AccountProblems.TooMany(http, wait);
        }

        return attempt.Check.MessageFor(DeleteAccount.PasswordRequired, DeleteAccount.WrongPassword) is { } message
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["password"] = [message] })
            : attempt.OnlyAdminOf.Count > 0
                ? TypedResults.Problem(DeleteAccount.OnlyAdminMessage(attempt.OnlyAdminOf), statusCode: StatusCodes.Status409Conflict, title: "A clinic would be left without an admin")
                : TypedResults.NoContent();
    }

    /// <summary>Sign out everywhere: every token and every signed-in page for this account ends now.</summary>
    public static async Task<Results<NoContent, UnauthorizedHttpResult>> LogoutEverywhereAsync(ClaimsPrincipal principal, UserManager<User> users)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        // A new stamp ends cookies (SecurityStampValidator), tokens (BearerSessionHandler) and refresh tokens.
        await users.UpdateSecurityStampAsync(user);
        return TypedResults.NoContent();
    }
}

public static class AccountPages
{
    /// <summary>Account pages a signed-out person can open; every other page under /Account needs a sign-in.</summary>
    public static readonly IReadOnlyList<string> Anonymous =
    [
        "/Account/Login",
        "/Account/LoginWith2fa",
        "/Account/LoginWithRecoveryCode",
        "/Account/Register",
        "/Account/RegisterConfirmation",
        "/Account/ConfirmEmail",
        "/Account/ResendConfirmation",
        "/Account/ForgotPassword",
        "/Account/ResetPassword",
        "/Account/Logout",
        "/Account/Deleted",
    ];
}
