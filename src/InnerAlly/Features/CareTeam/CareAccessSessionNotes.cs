using InnerAlly.Features.Clinics;
using InnerAlly.Features.SessionNotes;

namespace InnerAlly.Features.CareTeam;

/// <summary>
/// The rule for session notes, beside the rule for a client's data. Notes are the clinic's record,
/// not something the client shares, so no sharing choice enters into them:
/// <list type="bullet">
/// <item>writing one needs what reading a client needs: an active therapist of the clinic and an
/// active care relationship with the client (<see cref="ClientAsync"/>);</item>
/// <item>reading one needs an active therapist of the note's clinic who wrote it, or any active
/// therapist of that clinic while it keeps a shared clinical record, whether or not the relationship
/// or the client's account still exists;</item>
/// <item>changing or amending one needs its author, still an active therapist of the clinic.</item>
/// </list>
/// A deactivated therapist reads nothing; the admin role and the client read nothing. Anything else
/// finds nothing, and the caller answers 404.
/// </summary>
public sealed partial class CareAccess
{
    /// <summary>The session notes this person may read now, with their versions.</summary>
    public IQueryable<SessionNote> SessionNotes(Guid therapistUserId) =>
        db.SessionNotes.Include(n => n.Versions).Where(n => db.StaffMembers.Any(m =>
            m.UserId == therapistUserId && m.ClinicId == n.ClinicId && m.IsTherapist && m.DeactivatedAt == null
            && (m.Id == n.AuthorId || db.Clinics.Any(c => c.Id == n.ClinicId && c.SharedClinicalRecord))));

    /// <summary>The author's own membership when this person wrote the note and is still an active therapist of its clinic; null otherwise.</summary>
    public Task<StaffMember?> AuthorOfAsync(Guid therapistUserId, SessionNote note, CancellationToken cancellationToken) =>
        db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(
            m => m.Id == note.AuthorId && m.UserId == therapistUserId && m.ClinicId == note.ClinicId && m.IsTherapist && m.DeactivatedAt == null,
            cancellationToken);
}
