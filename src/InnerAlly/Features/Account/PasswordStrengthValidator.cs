namespace InnerAlly.Features.Account;

/// <summary>
/// Length, not composition (NIST SP 800-63B): at least 12 characters (Identity's own length
/// rule), at most <see cref="MaxLength"/>, and not one of the most common or most guessable
/// passwords, judged by zxcvbn with its shipped password and word lists.
/// </summary>
public sealed class PasswordStrengthValidator : IPasswordValidator<User>
{
    public const int MinLength = 12;
    public const int MaxLength = 256;

    /// <summary>
    /// Words about this product that an attacker would try first (ASVS 6.1.2), given to zxcvbn
    /// beside the person's own address; and the demo account's published password.
    /// </summary>
    public static readonly IReadOnlyList<string> ContextWords =
    [
        "innerally", "inner ally", "inner-ally", "ally", "compassion", "compassionate", "self-compassion", "cft",
        "critic", "inner critic", "soothe", "soothing", "threat", "drive", "journal", "check-in", "checkin",
        "safety plan", "breathe", "practice", Demo.SeedDemo.Password, Demo.SeedDemoClinic.Password,
    ];

    /// <summary>zxcvbn scores 0-4; 0 and 1 mean the password is among the first million guesses.</summary>
    private const int MinScore = 2;

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            // Identity's RequiredLength rule reports this one.
            return Task.FromResult(IdentityResult.Success);
        }

        if (password.Length > MaxLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = $"Passwords can be up to {MaxLength} characters.",
            }));
        }

        // The demo accounts' passwords are published on purpose (README); nobody else may use them.
        var userInputs = new[] { user.Email, user.UserName }.OfType<string>()
            .Concat(user.Email == Demo.SeedDemo.Email ? ContextWords.Where(w => w != Demo.SeedDemo.Password)
                : Demo.SeedDemoClinic.IsDemoEmail(user.Email) ? ContextWords.Where(w => w != Demo.SeedDemoClinic.Password)
                : ContextWords);
        if (Zxcvbn.Zxcvbn.MatchPassword(password, userInputs).Score < MinScore)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "This password is one of the most common ones, or easy to guess. A few unrelated words together make a strong password that is easier to remember.",
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }
}
