namespace InnerAlly.Features.Account;

/// <summary>
/// The right to erasure: the person's password, then the account and, through ON DELETE CASCADE
/// from the user, every row they own. The store forgets the security stamp, so every cookie and
/// token of theirs is refused from the next request.
/// </summary>
public static partial class DeleteAccount
{
    public const string PasswordRequired = "Please type your password, so we know it is you asking.";
    public const string WrongPassword = "That is not your password. Please check it and try again. Nothing has been deleted.";

    public enum Outcome
    {
        Deleted,
        NoPassword,
        WrongPassword,
        MustWait,
    }

    /// <summary>What happened; <see cref="Wait"/> is set when too many wrong passwords came first.</summary>
    public readonly record struct Attempt(Outcome Outcome, TimeSpan? Wait = null);

    /// <summary>Deletes the account when <paramref name="password"/> is the person's own; otherwise nothing changes.</summary>
    public static async Task<Attempt> HandleAsync(User user, string? password, UserManager<User> users, SignInThrottle throttle, ILogger logger, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(password))
        {
            return new(Outcome.NoPassword);
        }

        // Each wrong password counts against the person's own limit, like every other password check.
        var check = await throttle.CheckPersonAsync(user.Id, () => users.CheckPasswordAsync(user, password), cancellationToken);
        if (check.Wait is { } wait)
        {
            return new(Outcome.MustWait, wait);
        }

        if (!check.Passed)
        {
            return new(Outcome.WrongPassword);
        }

        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The account could not be deleted: {string.Join(", ", result.Errors.Select(e => e.Code))}.");
        }

        Log.Deleted(logger, user.Id);
        return new(Outcome.Deleted);
    }

    public static string? MessageFor(Attempt attempt) => attempt.Wait is { } wait ? SignInThrottle.WaitMessage(wait) : MessageFor(attempt.Outcome);

    public static string? MessageFor(Outcome outcome) => outcome switch
    {
        Outcome.NoPassword => PasswordRequired,
        Outcome.WrongPassword => WrongPassword,
        _ => null,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 2080, Level = LogLevel.Information, Message = "{UserId} deleted their account and everything in it")]
        public static partial void Deleted(ILogger logger, Guid userId);
    }
}
