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

    /// <summary>What stands in the way: the person is the only active admin of these clinics, where others still work.</summary>
    public sealed record Outcome(PasswordAgain.Check Check, IReadOnlyList<string> OnlyAdminOf)
    {
        public bool Deleted => Check.Passed && OnlyAdminOf.Count == 0;
    }

    /// <summary>Deletes the account when <paramref name="password"/> is the person's own and no clinic would be left without an admin; otherwise nothing changes.</summary>
    public static async Task<Outcome> HandleAsync(
        User user, string? password, UserManager<User> users, AppDbContext db, TimeProvider clock, SignInThrottle throttle, ILogger logger, CancellationToken cancellationToken)
    {
        var check = await PasswordAgain.CheckAsync(user, password, users, throttle, cancellationToken);
        var onlyAdminOf = check.Passed ? await OnlyAdminOfAsync(user.Id, db, cancellationToken) : [];
        if (check.Passed && onlyAdminOf.Count == 0)
        {
            await EraseAsync(user, users, db, clock, logger, cancellationToken);
        }

        return new Outcome(check, onlyAdminOf);
    }

    /// <summary>
    /// The clinics whose only active admin this person is while someone else still works there: as
    /// when deactivating an admin, a clinic keeps one, so its staff are never left with nobody to
    /// invite, deactivate or edit its details. A clinic with nobody else in it does not hold them back.
    /// </summary>
    public static async Task<IReadOnlyList<string>> OnlyAdminOfAsync(Guid userId, AppDbContext db, CancellationToken cancellationToken) =>
        await (
            from member in db.StaffMembers.AsNoTracking()
            join clinic in db.Clinics.AsNoTracking() on member.ClinicId equals clinic.Id
            where member.UserId == userId && member.IsAdmin && member.DeactivatedAt == null
                && !db.StaffMembers.Any(o => o.ClinicId == member.ClinicId && o.Id != member.Id && o.IsAdmin && o.DeactivatedAt == null)
                && db.StaffMembers.Any(o => o.ClinicId == member.ClinicId && o.Id != member.Id && o.DeactivatedAt == null)
            orderby clinic.Name
            select clinic.Name).ToListAsync(cancellationToken);

    /// <summary>Whether the person has, or had, a care relationship with a clinic's therapist here.</summary>
    public static Task<bool> WorkedWithAClinicAsync(Guid userId, AppDbContext db, CancellationToken cancellationToken) =>
        db.CareRelationships.AnyAsync(r => r.UserId == userId, cancellationToken);

    /// <summary>What the delete page says to someone who worked with a clinic here: its session notes are its record and stay with it.</summary>
    public const string ClinicNotesStay =
        "One thing stays. If your therapist wrote notes of your sessions in InnerAlly, those notes are the clinic's record of your care, not part of your account. They stay with the clinic, with the name and email address you had when they were written, for as long as the clinic must keep health records. You can ask the clinic for a copy of them.";

    /// <summary>Beside the password, or as the API's answer, when the person is a clinic's only admin.</summary>
    public static string OnlyAdminMessage(IReadOnlyList<string> clinics) => OnlyAdminReason(clinics) + " Nothing has been deleted.";

    /// <summary>Why the account cannot go yet, and what to do first.</summary>
    public static string OnlyAdminReason(IReadOnlyList<string> clinics) =>
        $"You are the only admin of {string.Join(" and ", clinics)}, and others still work there. Please invite someone as an admin first (a therapist who already works there can be invited as an admin too), then come back.";

    /// <summary>The account and every row the person owns, for good, in one transaction; the password was checked first.</summary>
    public static async Task EraseAsync(User user, UserManager<User> users, AppDbContext db, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        await using var writer = await db.HoldWriterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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
            // Disposing the transaction without committing it puts the relationships back as they were.
            throw new InvalidOperationException($"The account could not be deleted: {string.Join(", ", result.Errors.Select(e => e.Code))}.");
        }

        await transaction.CommitAsync(cancellationToken);
        Log.Deleted(logger, user.Id);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2080, Level = LogLevel.Information, Message = "{UserId} deleted their account and everything in it")]
        public static partial void Deleted(ILogger logger, Guid userId);
    }
}
