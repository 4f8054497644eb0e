using InnerAlly.Features.CareTeam;
using InnerAlly.Features.Clinics;

namespace InnerAlly.Features.Messages;

/// <summary>
/// The thread of one care relationship, as one of its two people finds it. The client finds every
/// relationship of theirs, ended or not: they keep their copy. The therapist finds it only through
/// the care team's rule (an active therapist of the clinic, an active relationship); anything else
/// is null, and the caller answers 404 as for a thread that does not exist. Messages do not depend
/// on what the client shares: they are written to each other.
/// </summary>
public static class FindThread
{
    /// <param name="Side">Who is reading: "client" or "therapist".</param>
    /// <param name="Therapist">The therapist's membership; null once their account is gone.</param>
    public sealed record Thread(CareRelationship Relationship, string Side, StaffMember? Therapist)
    {
        public Guid Id => Relationship.Id;

        public string OtherSide => Side == Message.FromClient ? Message.FromTherapist : Message.FromClient;

        /// <summary>The name shown for the other person.</summary>
        public string With => Side == Message.FromClient ? Therapist?.DisplayName ?? Relationship.TherapistName : Relationship.ClientName;

        /// <summary>New messages can be written only while the work goes on and the therapist works as a therapist at the clinic.</summary>
        public bool IsOpen => Relationship.IsActive && Therapist is { IsActive: true, IsTherapist: true };

        public string? ReplyExpectation => Therapist?.ReplyExpectation;
    }

    public static async Task<Thread?> HandleAsync(Guid userId, Guid relationshipId, AppDbContext db, CareAccess access, CancellationToken cancellationToken)
    {
        var own = await (
            from relationship in db.CareRelationships.AsNoTracking()
            where relationship.Id == relationshipId && relationship.UserId == userId
            join therapist in db.StaffMembers.AsNoTracking() on relationship.TherapistId equals (Guid?)therapist.Id into therapists
            from therapist in therapists.DefaultIfEmpty()
            select new { relationship, therapist }).SingleOrDefaultAsync(cancellationToken);
        if (own is not null)
        {
            return new Thread(own.relationship, Message.FromClient, own.therapist);
        }

        return await access.ClientAsync(userId, relationshipId, cancellationToken) is { } client
            ? new Thread(client.Relationship, Message.FromTherapist, client.Therapist)
            : null;
    }
}
