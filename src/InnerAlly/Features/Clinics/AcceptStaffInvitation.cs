namespace InnerAlly.Features.Clinics;

/// <summary>Joining a clinic's staff from an invitation link, signed in with the address it was sent to.</summary>
public static class AcceptStaffInvitation
{
    public const string NotOpen = "This invitation link has already been used, has expired, or was withdrawn. Please ask the clinic for a new one.";
    public const string OtherAddress = "This invitation was made for a different email address. Sign in with that address to accept it, or ask the clinic to invite this one.";
    public const string NameNeeded = "Please give the name clients and colleagues will see, up to 100 characters.";

    public sealed class Request
    {
        /// <summary>The token from the invitation's link.</summary>
        [Required]
        [StringLength(100)]
        public string Token { get; set; } = "";

        /// <summary>The name clients and colleagues see, such as "Dr Sam Rivera".</summary>
        [Required(ErrorMessage = NameNeeded)]
        [StringLength(StaffMember.DisplayNameMaxLength, ErrorMessage = NameNeeded)]
        public string DisplayName { get; set; } = "";
    }

    public sealed record Preview(Guid InvitationId, string ClinicName, string ClinicSlug, string? DisplayName, StaffInvitation.Roles Roles, bool ForThisAccount);

    /// <summary>The open invitation behind a token, for the page to describe; null when there is none (used, expired, withdrawn or never made).</summary>
    public static async Task<Preview?> PreviewAsync(string token, User user, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = StaffInvitation.HashOf(token);
        var found = await db.StaffInvitations.AsNoTracking()
            .Where(i => i.TokenHash == hash)
            .Join(db.Clinics, i => i.ClinicId, c => c.Id, (i, c) => new { Invitation = i, c.Name, c.Slug })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null || !found.Invitation.IsOpen(now)
            ? null
            : new Preview(found.Invitation.Id, found.Name, found.Slug, found.Invitation.DisplayName, found.Invitation.Granted, IsFor(found.Invitation, user));
    }

    public enum Outcome
    {
        Joined,
        NotOpen,
        OtherAddress,
    }

    /// <summary>Makes the person staff (or adds the invitation's role to their place), and uses the invitation up.</summary>
    public static async Task<(Outcome Outcome, string? ClinicSlug)> HandleAsync(Request request, User user, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = StaffInvitation.HashOf(request.Token);
        var invitation = await db.StaffInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null || !invitation.IsOpen(now))
        {
            return (Outcome.NotOpen, null);
        }

        if (!IsFor(invitation, user))
        {
            return (Outcome.OtherAddress, null);
        }

        var member = await db.StaffMembers.SingleOrDefaultAsync(m => m.ClinicId == invitation.ClinicId && m.UserId == user.Id, cancellationToken);
        if (member is null)
        {
            db.StaffMembers.Add(StaffMember.Join(invitation.ClinicId, user.Id, request.DisplayName, invitation.Granted, now));
        }
        else
        {
            member.Grant(invitation.Granted, request.DisplayName);
        }

        invitation.Accept(now);
        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Joined, await db.Clinics.Where(c => c.Id == invitation.ClinicId).Select(c => c.Slug).SingleAsync(cancellationToken));
    }

    private static bool IsFor(StaffInvitation invitation, User user) =>
        string.Equals(invitation.Email, user.Email, StringComparison.OrdinalIgnoreCase);
}
