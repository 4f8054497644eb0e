using Microsoft.AspNetCore.Identity.Data;

namespace InnerAlly.Features.Account;

/// <summary>GET /api/v1/account/manage/info: the account's email address and whether it is confirmed.</summary>
internal static class GetAccountInfo
{
    /// <summary>The account's email address and whether it is confirmed.</summary>
    public static async Task<Results<Ok<InfoResponse>, NotFound>> HandleAsync(ClaimsPrincipal principal, UserManager<User> users) =>
        await users.GetUserAsync(principal) is { } user ? TypedResults.Ok(Of(user)) : TypedResults.NotFound();

    public static InfoResponse Of(User user) => new() { Email = user.Email!, IsEmailConfirmed = user.EmailConfirmed };
}
