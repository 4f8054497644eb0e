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

    /// <summary>Deletes the account when <paramref name="password"/> is the person's own; otherwise nothing changes.</summary>
    public static async Task<PasswordAgain.Check> HandleAsync(
        User user, string? password, UserManager<User> users, AppDbContext db, TimeProvider clock, SignInThrottle throttle, ILogger logger, CancellationToken cancellationToken)
    {
        var check = await PasswordAgain.CheckAsync(user, password, users, throttle, cancellationToken);
        if (check.Passed)
        {
            await EraseAsync(user, users, db, clock, logger, cancellationToken);
        }

        return check;
    }

    /// <summary>The account and every row the person owns, for good; the password was checked first.</summary>
    public static async Task EraseAsync(User user, UserManager<User> users, AppDbContext db, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        // A therapist's clients keep their record of the work: it ends now, by the therapist, and the
        // relationship rows stay theirs (their staff membership goes with the account; the link is cleared).
        var now = clock.GetUtcNow().UtcDateTime;
        var memberships = db.StaffMembers.Where(m => m.UserId == user.Id).Select(m => (Guid?)m.Id);
        await db.CareRelationships
            .Where(r => memberships.Contains(r.TherapistId) && r.EndedAt == null)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndedBy, CareTeam.CareRelationship.EndedByTherapist), cancellationToken);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The account could not be deleted: {string.Join(", ", result.Errors.Select(e => e.Code))}.");
        }

        Log.Deleted(logger, user.Id);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2080, Level = LogLevel.Information, Message = "{UserId} deleted their account and everything in it")]
        public static partial void Deleted(ILogger logger, Guid userId);
    }
}
