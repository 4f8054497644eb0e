using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity.Data;

namespace InnerAlly.Features.Account;

/// <summary>
/// POST /api/v1/account/refresh: a new access and refresh token for a refresh token, which
/// works once (<see cref="TokenFamilies"/>).
/// </summary>
internal static class RefreshSignIn
{
    /// <summary>A new access and refresh token for {refreshToken}. Each refresh token works once; using one again ends that sign-in and every token from it.</summary>
    public static async Task<IResult> HandleAsync(
        [FromBody] RefreshRequest request, SignInManager<User> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock,
        TokenFamilies families, AppDbContext db, CancellationToken cancellationToken)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var fresh = await signIn.CreateUserPrincipalAsync(user);
        foreach (var method in ticket.Principal.FindAll("amr"))
        {
            ((ClaimsIdentity)fresh.Identity!).AddClaim(new Claim("amr", method.Value));
        }

        return await families.RotateAsync(ticket.Principal, fresh, user.Id, db, cancellationToken) is { } rotated
            ? TypedResults.SignIn(rotated, authenticationScheme: IdentityConstants.BearerScheme)
            : TypedResults.Unauthorized();
    }
}
