using Microsoft.AspNetCore.Authentication.BearerToken;

namespace InnerAlly.Features.Account;

/// <summary>
/// The account API apps use, in the routes and JSON shapes of ASP.NET Core Identity's
/// MapIdentityApi (register, login, refresh, confirmEmail, resendConfirmationEmail,
/// forgotPassword, resetPassword, manage/2fa, manage/info), written here so that: links in
/// email come from App:PublicUrl; an unknown address costs the same hash work and gets the
/// same answer as a known one; guessing is slowed per address, network, device and person
/// (<see cref="SignInThrottle"/>) rather than by locking the account; refresh tokens rotate
/// (<see cref="TokenFamilies"/>); bad input is a 400 naming the field; and manage/* takes
/// bearer tokens only.
/// </summary>
internal static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/register", RegisterAccount.HandleAsync).RequireRateLimiting(RateLimits.SignIn).WithName("Register");
        group.MapPost("/login", LogIn.HandleAsync)
            .RequireRateLimiting(RateLimits.SignIn)
            .WithName("Login")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/refresh", RefreshSignIn.HandleAsync)
            .WithName("Refresh")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/confirmEmail", ConfirmEmailAddress.HandleAsync).WithName(ConfirmationLink.EndpointName);
        group.MapPost("/resendConfirmationEmail", ResendConfirmationEmail.HandleAsync)
            .RequireRateLimiting(RateLimits.SignIn)
            .WithName("ResendConfirmationEmail");
        group.MapPost("/forgotPassword", SendPasswordResetCode.HandleAsync).RequireRateLimiting(RateLimits.SignIn).WithName("ForgotPassword");
        group.MapPost("/resetPassword", ResetPassword.HandleAsync).RequireRateLimiting(RateLimits.SignIn).WithName("ResetPassword");

        var manage = group.MapGroup("/manage").RequireAuthorization(HostingExtensions.ApiPolicy);
        manage.MapPost("/2fa", ManageTwoFactor.HandleAsync).WithName("ManageTwoFactor").ProducesProblem(StatusCodes.Status429TooManyRequests);
        manage.MapGet("/info", GetAccountInfo.HandleAsync).WithName("AccountInfo");
        manage.MapPost("/info", ChangeAccountInfo.HandleAsync).WithName("ChangeAccountInfo").ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
