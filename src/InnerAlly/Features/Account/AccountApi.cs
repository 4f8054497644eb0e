using System.Security.Claims;
using InnerAlly.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;

namespace InnerAlly.Features.Account;

public static class AccountApi
{
    private static readonly string[] RateLimited = ["/register", "/login", "/forgotPassword", "/resetPassword", "/resendConfirmationEmail"];

    /// <summary>ASP.NET Core Identity's own endpoints (register, login, refresh, 2FA, ...) under /api/v1/account.</summary>
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/account").WithTags("Account");
        group.MapIdentityApi<User>().Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route }
                && RateLimited.Any(r => route.EndsWith(r, StringComparison.Ordinal)))
            {
                endpoint.Metadata.Add(new EnableRateLimitingAttribute(RateLimits.SignIn));
            }
        });
        group.MapPost("/logout", LogoutEverywhereAsync)
            .RequireAuthorization(HostingExtensions.ApiPolicy)
            .WithName("LogoutEverywhere")
            .WithSummary("Sign out everywhere: every token and every signed-in page for this account ends now.");
        app.MapPreferences();
        return app;
    }

    private static async Task<Results<NoContent, UnauthorizedHttpResult>> LogoutEverywhereAsync(ClaimsPrincipal principal, UserManager<User> users)
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
    ];
}
