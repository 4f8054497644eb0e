using InnerAlly.Features.Clinics;

namespace InnerAlly.Features.CareTeam;

/// <summary>A therapist invites a client: a code to hand over in a session, a link with it, and (with email on) an email.</summary>
public static class InviteClient
{
    public const string EmailWrong = "Please give an email address like sam@example.org, or leave it empty to hand over the code yourself.";

    public sealed class Request
    {
        /// <summary>Optional: where to email the link. Without it, give the client the code or the link yourself.</summary>
        [EmailAddress(ErrorMessage = EmailWrong)]
        [StringLength(Clinic.EmailMaxLength, ErrorMessage = EmailWrong)]
        public string? Email { get; set; }
    }

    /// <param name="Code">The 8-character code (shown as ABCD-EFGH). It is in this answer once and never kept.</param>
    public sealed record Response(Guid Id, string Code, string JoinPath, Uri? JoinLink, DateTime ExpiresAt, bool Emailed);

    public static async Task<Response> HandleAsync(StaffMember therapist, string clinicName, Request request, AppDbContext db, ClientInvitationMail mail, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (invitation, code) = ClientInvitation.Create(therapist.ClinicId, therapist.Id, request.Email, clock.GetUtcNow().UtcDateTime);
        db.ClientInvitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        var emailed = await mail.SendAsync(invitation, therapist.DisplayName, clinicName, code, cancellationToken);
        return new Response(invitation.Id, ClientInvitation.Display(code), ClientInvitationMail.PathFor(code), mail.LinkFor(code), invitation.ExpiresAt, emailed);
    }

    /// <summary>Withdraws one of this therapist's open invitations; false when there is no such open invitation.</summary>
    public static Task<bool> WithdrawAsync(StaffMember therapist, Guid id, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        Invitation.WithdrawAsync(db.ClientInvitations.Where(i => i.Id == id && i.TherapistId == therapist.Id), db, clock, cancellationToken);

    public sealed record Open(Guid Id, string? Email, DateTime CreatedAt, DateTime ExpiresAt);

    /// <summary>This therapist's invitations that can still be accepted, newest first.</summary>
    public static async Task<IReadOnlyList<Open>> ListOpenAsync(StaffMember therapist, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var invitations = await db.ClientInvitations.AsNoTracking()
            .Where(i => i.TherapistId == therapist.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        return [.. invitations.OrderByDescending(i => i.CreatedAt).Select(i => new Open(i.Id, i.Email, i.CreatedAt, i.ExpiresAt))];
    }
}
