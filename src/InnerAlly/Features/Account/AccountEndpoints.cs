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
        group.MapPost("/register", RegisterAccount.HandleAsync)
            .RequireRateLimiting(RateLimits.SignIn)
            .Describe("Register", "Make an account with {email, password}. With email on, the answer is the same whether or not the address already has an account; its owner is told by email.");
        group.MapPost("/login", LogIn.HandleAsync)
            .RequireRateLimiting(RateLimits.SignIn)
            .Describe("Login", "Sign in with {email, password} and, when two-step sign-in is on, twoFactorCode or twoFactorRecoveryCode. ?useCookies=true signs in with a cookie instead of a bearer token.")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/refresh", RefreshSignIn.HandleAsync)
            .Describe("Refresh", "A new access and refresh token for {refreshToken}. Each refresh token works once; using one again ends that sign-in and every token from it.")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/confirmEmail", ConfirmEmailAddress.HandleAsync)
            .WithName(ConfirmationLink.EndpointName)
            .WithSummary("Confirms an address from the link in the email: ?userId=…&code=…[&changedEmail=…].");
        group.MapPost("/resendConfirmationEmail", ResendConfirmationEmail.HandleAsync)
            .RequireRateLimiting(RateLimits.SignIn)
            .Describe("ResendConfirmationEmail", "Sends the confirmation link again. Answers the same whether or not the address has an account.");
        group.MapPost("/forgotPassword", SendPasswordResetCode.HandleAsync)
            .RequireRateLimiting(RateLimits.SignIn)
            .Describe("ForgotPassword", "Emails a reset code to a confirmed address. Answers the same whether or not the address has an account.");
        group.MapPost("/resetPassword", ResetPassword.HandleAsync)
            .RequireRateLimiting(RateLimits.SignIn)
            .Describe("ResetPassword", "Sets a new password with {email, resetCode, newPassword}.");

        var manage = group.MapGroup("/manage").RequireAuthorization(HostingExtensions.ApiPolicy);
        manage.MapPost("/2fa", ManageTwoFactor.HandleAsync)
            .Describe("ManageTwoFactor", "Two-step sign-in: {enable, twoFactorCode, resetSharedKey, resetRecoveryCodes, forgetMachine}. Every change (enable, resetSharedKey, resetRecoveryCodes) also needs the account's password.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        manage.MapGet("/info", GetAccountInfo.HandleAsync)
            .Describe("AccountInfo", "The account's email address and whether it is confirmed.");
        manage.MapPost("/info", ChangeAccountInfo.HandleAsync)
            .Describe("ChangeAccountInfo", "Change the password ({oldPassword, newPassword}) or the email address ({newEmail, oldPassword}, confirmed by email).")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
