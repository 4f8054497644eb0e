using static InnerAlly.Features.Account.AccountProblems;

namespace InnerAlly.Features.Account;

/// <summary>GET /api/v1/account/confirmEmail: the link in the email, for a new address or a changed one.</summary>
internal static class ConfirmEmailAddress
{
    /// <summary>Confirms an address from the link in the email: ?userId=…&amp;code=…[&amp;changedEmail=…].</summary>
    public static async Task<Results<ContentHttpResult, ValidationProblem, UnauthorizedHttpResult>> HandleAsync(
        [FromQuery] string? userId, [FromQuery] string? code, [FromQuery] string? changedEmail, UserManager<User> users)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(userId, out var id))
        {
            errors["userId"] = ["userId is the account id from the link, like 0f8fad5b-d9cb-469f-a165-70867728950e."];
        }

        var token = LinkCode.Decode(code);
        if (token is null)
        {
            errors["code"] = ["code is the code from the link; this one is missing or damaged. Ask for a new link."];
        }

        if (changedEmail is not null && !EmailFormat.IsValid(changedEmail))
        {
            errors["changedEmail"] = [users.ErrorDescriber.InvalidEmail(changedEmail).Description];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await users.FindByIdAsync(id.ToString()) is not { } user)
        {
            // The same answer as a wrong code: an id says nothing about who has an account.
            return TypedResults.Unauthorized();
        }

        var result = changedEmail is null
            ? await users.ConfirmEmailAsync(user, token!)
            : await ChangeEmailAsync(user, changedEmail, token!, users);
        return result.Succeeded ? TypedResults.Text("Thank you for confirming your email.") : TypedResults.Unauthorized();
    }

    private static async Task<IdentityResult> ChangeEmailAsync(User user, string email, string token, UserManager<User> users)
    {
        var result = await users.ChangeEmailAsync(user, email, token);
        // The user name is the email address, so both change together.
        return result.Succeeded ? await users.SetUserNameAsync(user, email) : result;
    }
}
