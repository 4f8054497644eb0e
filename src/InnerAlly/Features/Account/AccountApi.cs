using InnerAlly.Infrastructure;
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
        return app;
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
        "/Account/ForgotPassword",
        "/Account/ResetPassword",
        "/Account/Logout",
    ];
}
