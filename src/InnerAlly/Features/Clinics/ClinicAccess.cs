namespace InnerAlly.Features.Clinics;

/// <summary>
/// Who may do what in a clinic, in one place: an active admin runs its staff and details; any
/// active member sees its name. Anyone else finds nothing, exactly as for a clinic that does not
/// exist (the caller answers 404).
/// </summary>
public static class ClinicAccess
{
    /// <summary>The clinic with this slug when <paramref name="userId"/> is one of its active admins.</summary>
    public static Task<Clinic?> AsAdminAsync(this AppDbContext db, string slug, Guid userId, CancellationToken cancellationToken) =>
        db.Clinics.SingleOrDefaultAsync(
            c => c.Slug == slug && db.StaffMembers.Any(m => m.ClinicId == c.Id && m.UserId == userId && m.IsAdmin && m.DeactivatedAt == null),
            cancellationToken);

    public sealed record Membership(string Slug, string Name, string DisplayName, bool IsAdmin, bool IsTherapist);

    /// <summary>The clinics where the person is active staff, by name.</summary>
    public static async Task<IReadOnlyList<Membership>> MembershipsAsync(this AppDbContext db, Guid userId, CancellationToken cancellationToken) =>
        await db.StaffMembers.AsNoTracking()
            .Where(m => m.UserId == userId && m.DeactivatedAt == null)
            .Join(db.Clinics, m => m.ClinicId, c => c.Id, (m, c) => new { Member = m, Clinic = c })
            .OrderBy(x => x.Clinic.Name)
            .Select(x => new Membership(x.Clinic.Slug, x.Clinic.Name, x.Member.DisplayName, x.Member.IsAdmin, x.Member.IsTherapist))
            .ToListAsync(cancellationToken);

    public sealed record TherapistPlace(StaffMember Member, Clinic Clinic);

    /// <summary>
    /// Where the person is an active therapist: in the clinic with this slug, or (with none named)
    /// the clinic they joined first. Null when they are not one there.
    /// </summary>
    public static async Task<TherapistPlace?> AsTherapistAsync(this AppDbContext db, Guid userId, string? slug, CancellationToken cancellationToken)
    {
        var places = await db.StaffMembers
            .Where(m => m.UserId == userId && m.IsTherapist && m.DeactivatedAt == null)
            .Join(db.Clinics, m => m.ClinicId, c => c.Id, (m, c) => new { Member = m, Clinic = c })
            .Where(x => slug == null || x.Clinic.Slug == slug)
            .ToListAsync(cancellationToken);
        return places.OrderBy(p => p.Member.JoinedAt).Select(p => new TherapistPlace(p.Member, p.Clinic)).FirstOrDefault();
    }
}
