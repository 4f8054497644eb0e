namespace InnerAlly.Features.Clinics;

/// <summary>An admin deactivates a member of staff (access ends with their next request), or withdraws an open invitation.</summary>
public static class DeactivateStaff
{
    public const string LastAdmin = "A clinic needs at least one active admin. Invite another admin before deactivating this one.";

    public enum Outcome
    {
        Done,
        NotFound,
        LastAdmin,
    }

    public static async Task<Outcome> HandleAsync(Clinic clinic, Guid memberId, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.ClinicId == clinic.Id, cancellationToken);
        if (member is null)
        {
            return Outcome.NotFound;
        }

        if (member.IsAdmin && member.IsActive
            && !await db.StaffMembers.AnyAsync(m => m.ClinicId == clinic.Id && m.Id != memberId && m.IsAdmin && m.DeactivatedAt == null, cancellationToken))
        {
            return Outcome.LastAdmin;
        }

        member.Deactivate(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>False when the clinic has no such open invitation.</summary>
    public static Task<bool> WithdrawInvitationAsync(Clinic clinic, Guid invitationId, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        Invitation.WithdrawAsync(db.StaffInvitations.Where(i => i.Id == invitationId && i.ClinicId == clinic.Id), db, clock, cancellationToken);
}
