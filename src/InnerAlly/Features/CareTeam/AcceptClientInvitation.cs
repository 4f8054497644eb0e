using InnerAlly.Features.Clinics;

namespace InnerAlly.Features.CareTeam;

/// <summary>A client accepts a therapist's invitation with its code, choosing the name the therapist sees and what to share (nothing, unless chosen).</summary>
public static class AcceptClientInvitation
{
    public const string NotOpen = "This code has already been used, has expired, or was withdrawn, or it was typed differently. Please check it, or ask your therapist for a new one.";
    public const string CodeNeeded = "Please enter the 8-character code your therapist gave you, like ABCD-EFGH.";
    public const string NameNeeded = "Please give the name your therapist will see, up to 100 characters.";
    public const string OwnInvitation = "This is your own invitation: give the code to the person you are inviting.";
    public const string AlreadyWorking = "You already work with this therapist on InnerAlly; you can change what you share on your care team page.";

    public sealed class Request
    {
        /// <summary>The code (ABCD-EFGH; any case, with or without the hyphen).</summary>
        [Required(ErrorMessage = CodeNeeded)]
        [StringLength(40, ErrorMessage = CodeNeeded)]
        public string Code { get; set; } = "";

        /// <summary>How the therapist will see your name, such as "Alex".</summary>
        [Required(ErrorMessage = NameNeeded)]
        [StringLength(CareRelationship.ClientNameMaxLength, ErrorMessage = NameNeeded)]
        public string ClientName { get; set; } = "";

        /// <summary>What to share from the start; empty shares nothing (you can choose later).</summary>
        public List<ChangeSharing.Choice> Sharing { get; set; } = [];
    }

    /// <summary>Who invited: the therapist as the clinic knows them, and where.</summary>
    public sealed record Preview(Guid InvitationId, Guid ClinicId, StaffMember Therapist, string ClinicName)
    {
        public string TherapistName => Therapist.DisplayName;
    }

    /// <summary>Who invited, for the accept page; null when the code opens no invitation.</summary>
    public static async Task<Preview?> PreviewAsync(string? code, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (ClientInvitation.Normalize(code) is not { } normal)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var hash = ClientInvitation.HashOf(normal);
        var found = await db.ClientInvitations.AsNoTracking()
            .Where(i => i.CodeHash == hash)
            .Join(db.StaffMembers, i => i.TherapistId, m => m.Id, (i, m) => new { Invitation = i, Therapist = m })
            .Join(db.Clinics, x => x.Invitation.ClinicId, c => c.Id, (x, c) => new { x.Invitation, x.Therapist, Clinic = c.Name })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null || !found.Invitation.IsOpen(now) || !found.Therapist.IsActive || !found.Therapist.IsTherapist
            ? null
            : new Preview(found.Invitation.Id, found.Invitation.ClinicId, found.Therapist, found.Clinic);
    }

    public enum Outcome
    {
        Joined,
        NotOpen,
        OwnInvitation,
        AlreadyWorking,
    }

    /// <summary>Starts the relationship and uses the invitation up; only one acceptance can ever take it.</summary>
    public static async Task<(Outcome Outcome, Guid? RelationshipId)> HandleAsync(Request request, Guid clientId, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (ClientInvitation.Normalize(request.Code) is not { } code)
        {
            return (Outcome.NotOpen, null);
        }

        var hash = ClientInvitation.HashOf(code);
        var invitation = await db.ClientInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.CodeHash == hash, cancellationToken);
        var therapist = invitation is null ? null : await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == invitation.TherapistId, cancellationToken);
        if (invitation is null || therapist is null || !invitation.IsOpen(now) || !therapist.IsActive || !therapist.IsTherapist)
        {
            return (Outcome.NotOpen, null);
        }

        if (therapist.UserId == clientId)
        {
            return (Outcome.OwnInvitation, null);
        }

        if (await db.CareRelationships.AnyAsync(r => r.UserId == clientId && r.TherapistId == therapist.Id && r.EndedAt == null, cancellationToken))
        {
            return (Outcome.AlreadyWorking, null);
        }

        await using var writer = await db.HoldWriterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The claim: of two acceptances at once, only one changes the row.
        var claimed = await db.ClientInvitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.AcceptedAt, now), cancellationToken);
        if (claimed != 1)
        {
            return (Outcome.NotOpen, null);
        }

        var relationship = CareRelationship.Start(clientId, therapist.ClinicId, therapist.Id, therapist.DisplayName, request.ClientName, now);
        db.CareRelationships.Add(relationship);
        foreach (var choice in request.Sharing)
        {
            db.SharingChoices.Add(SharingChoice.TurnOn(relationship.Id, choice.Category, choice.IncludingEarlier, now));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on active relationships: another code from this therapist was accepted
            // at the same moment. The claim rolls back with the transaction, so this code stays usable.
            db.ChangeTracker.Clear();
            return (Outcome.AlreadyWorking, null);
        }

        await transaction.CommitAsync(cancellationToken);
        return (Outcome.Joined, relationship.Id);
    }
}
