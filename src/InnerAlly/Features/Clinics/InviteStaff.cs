namespace InnerAlly.Features.Clinics;

/// <summary>An admin invites a therapist (or another admin) to the clinic's staff, by email and a link that works once, for 7 days.</summary>
public static class InviteStaff
{
    public const string EmailNeeded = "Please give the email address to send the invitation to, like sam@example.org.";
    public const string RoleNeeded = "Choose therapist or admin.";

    public sealed class Request
    {
        /// <summary>Where the invitation goes; only an account with this address can accept it.</summary>
        [Required(ErrorMessage = EmailNeeded)]
        [EmailAddress(ErrorMessage = EmailNeeded)]
        [StringLength(Clinic.EmailMaxLength, ErrorMessage = EmailNeeded)]
        public string Email { get; set; } = "";

        /// <summary>The name to offer them, such as "Dr Sam Rivera"; they can change it when they accept.</summary>
        [StringLength(StaffMember.DisplayNameMaxLength, ErrorMessage = "A name can be up to 100 characters.")]
        public string? DisplayName { get; set; }

        /// <summary>"therapist" or "admin".</summary>
        [Required(ErrorMessage = RoleNeeded)]
        [AllowedValues(StaffRoles.Therapist, StaffRoles.Admin, ErrorMessage = RoleNeeded)]
        public string Role { get; set; } = StaffRoles.Therapist;
    }

    /// <param name="JoinPath">The link's path, to hand over when email is off. It is shown this once and never kept.</param>
    public sealed record Response(Guid Id, string Email, string Role, DateTime ExpiresAt, bool Emailed, string JoinPath, Uri? JoinLink);

    public static async Task<Response> HandleAsync(Clinic clinic, Request request, Guid adminId, AppDbContext db, StaffInvitationMail mail, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (invitation, token) = StaffInvitation.Create(
            clinic.Id, request.Email, request.DisplayName, StaffRoles.Parse(request.Role), adminId, clock.GetUtcNow().UtcDateTime, StaffInvitation.Lifetime);
        db.StaffInvitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        var emailed = await mail.SendAsync(invitation, clinic.Name, token, cancellationToken);
        return new Response(invitation.Id, invitation.Email, request.Role, invitation.ExpiresAt, emailed, StaffInvitationMail.PathFor(token), mail.LinkFor(token));
    }
}
