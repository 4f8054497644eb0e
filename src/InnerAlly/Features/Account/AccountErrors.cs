using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace InnerAlly.Features.Account;

/// <summary>
/// Identity's messages in our own words, for the pages and the API alike. Each code is put
/// beside the field it is about, so a person sees what to change where they would change it.
/// </summary>
public sealed class AccountErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Said(nameof(PasswordTooShort), $"Your password needs at least {length} characters. A few unrelated words together are long enough and easy to remember.");

    public override IdentityError PasswordMismatch() => Said(nameof(PasswordMismatch), "That is not your current password. Please check it and try again.");

    public override IdentityError DuplicateEmail(string email) => Said(nameof(DuplicateEmail), "There is already an account with this email address. You can sign in with it instead.");

    // The user name is the email address here, so both duplicate codes say the same thing once.
    public override IdentityError DuplicateUserName(string userName) => DuplicateEmail(userName);

    public override IdentityError InvalidEmail(string? email) => Said(nameof(InvalidEmail), "This does not look like an email address yet. It needs an @ and a domain, like name@example.com.");

    public override IdentityError InvalidUserName(string? userName) => InvalidEmail(userName);

    public override IdentityError InvalidToken() => Said(nameof(InvalidToken), "This link has expired or has already been used. You can ask for a new one.");

    public override IdentityError RecoveryCodeRedemptionFailed() => Said(nameof(RecoveryCodeRedemptionFailed), "That recovery code did not work. Each code can be used once; please check it and try another.");

    public override IdentityError DefaultError() => Said(nameof(DefaultError), "Something went wrong on our side. Nothing you typed was saved; please try again in a moment.");

    public override IdentityError ConcurrencyFailure() => Said(nameof(ConcurrencyFailure), "Your account was changed somewhere else at the same moment. Please try again.");

    private static IdentityError Said(string code, string description) => new() { Code = code, Description = description };

    /// <summary>Puts each of Identity's errors beside its field; the rest go to the form as a whole.</summary>
    public static void AddTo(ModelStateDictionary modelState, IdentityResult result, string emailField, string passwordField, string currentPasswordField = "")
    {
        foreach (var error in result.Errors.DistinctBy(e => e.Description))
        {
            var field = error.Code switch
            {
                nameof(PasswordMismatch) => currentPasswordField,
                _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
                nameof(DuplicateEmail) or nameof(DuplicateUserName) or nameof(InvalidEmail) or nameof(InvalidUserName) => emailField,
                _ => string.Empty,
            };
            if (modelState[field]?.Errors.Count is null or 0)
            {
                modelState.AddModelError(field, error.Description);
            }
        }
    }
}
