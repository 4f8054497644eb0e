namespace InnerAlly.Features.Clinics;

/// <summary>The clinic's staff and its open invitations, for its admins.</summary>
public static class ListStaff
{
    /// <param name="Clients">How many active clients a therapist has (a count, never who they are); 0 for an admin alone.</param>
    public sealed record Member(Guid Id, string DisplayName, bool IsAdmin, bool IsTherapist, DateTime JoinedAt, DateTime? DeactivatedAt, int Clients);

    public sealed record Invitation(Guid Id, string Email, string? DisplayName, string Role, DateTime ExpiresAt);

    public sealed record Response(IReadOnlyList<Member> Staff, IReadOnlyList<Invitation> OpenInvitations);

    public static async Task<Response> HandleAsync(Clinic clinic, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var staff = await db.StaffMembers.AsNoTracking().Where(m => m.ClinicId == clinic.Id)
            .OrderBy(m => m.DeactivatedAt != null).ThenBy(m => m.DisplayName)
            .Select(m => new Member(m.Id, m.DisplayName, m.IsAdmin, m.IsTherapist, m.JoinedAt, m.DeactivatedAt,
                db.CareRelationships.Count(r => r.TherapistId == m.Id && r.ClinicId == clinic.Id && r.EndedAt == null)))
            .ToListAsync(cancellationToken);
        var invitations = await db.StaffInvitations.AsNoTracking()
            .Where(i => i.ClinicId == clinic.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.CreatedAt)
            .ToListAsync(cancellationToken);
        return new Response(staff, [.. invitations.Select(i => new Invitation(i.Id, i.Email, i.DisplayName, i.GrantsAdmin ? StaffRoles.Admin : StaffRoles.Therapist, i.ExpiresAt))]);
    }
}
