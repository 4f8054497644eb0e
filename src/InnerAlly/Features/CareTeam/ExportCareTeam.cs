namespace InnerAlly.Features.CareTeam;

/// <summary>The person's part of the care team in their export: their places on clinics' staff, every care relationship with what it shares, and every look at their data.</summary>
public static class ExportCareTeam
{
    public sealed record StaffPlace(string Clinic, string DisplayName, bool IsAdmin, bool IsTherapist, DateTime JoinedAt, DateTime? DeactivatedAt);

    public sealed record Relationship(
        Guid Id, string TherapistName, string Clinic, string ClientName, DateTime StartedAt, DateTime? EndedAt, string? EndedBy, IReadOnlyList<ListCareTeam.SharedCategory> Sharing);

    public sealed record Body(IReadOnlyList<StaffPlace> Staff, IReadOnlyList<Relationship> Therapists, IReadOnlyList<ListCareTeam.Look> Looks);

    public static async Task<Body> HandleAsync(Guid userId, AppDbContext db, CancellationToken cancellationToken)
    {
        var staff = await db.StaffMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Clinics, m => m.ClinicId, c => c.Id, (m, c) => new { Member = m, Clinic = c.Name })
            .ToListAsync(cancellationToken);
        var relationships = await db.CareRelationships.AsNoTracking()
            .Where(r => r.UserId == userId)
            .Join(db.StaffMembers, r => r.TherapistId, m => m.Id, (r, m) => new { Relationship = r, m.DisplayName })
            .Join(db.Clinics, x => x.Relationship.ClinicId, c => c.Id, (x, c) => new { x.Relationship, x.DisplayName, Clinic = c.Name })
            .ToListAsync(cancellationToken);
        var ids = relationships.Select(r => r.Relationship.Id).ToList();
        var sharing = (await db.SharingChoices.AsNoTracking().Where(s => ids.Contains(s.RelationshipId)).ToListAsync(cancellationToken)).ToLookup(s => s.RelationshipId);
        var looks = await ListCareTeam.LooksAsync(userId, db, cancellationToken, limit: int.MaxValue);
        return new Body(
            [.. staff.OrderBy(s => s.Member.JoinedAt).Select(s => new StaffPlace(s.Clinic, s.Member.DisplayName, s.Member.IsAdmin, s.Member.IsTherapist, s.Member.JoinedAt, s.Member.DeactivatedAt))],
            [.. relationships.OrderBy(r => r.Relationship.StartedAt).Select(r => new Relationship(
                r.Relationship.Id, r.DisplayName, r.Clinic, r.Relationship.ClientName, r.Relationship.StartedAt, r.Relationship.EndedAt, r.Relationship.EndedBy,
                [.. sharing[r.Relationship.Id].OrderBy(s => s.Category, StringComparer.Ordinal)
                    .Select(s => new ListCareTeam.SharedCategory(s.Category, SharingCategories.Find(s.Category)?.Name ?? s.Category, s.IncludesEarlier, s.Since))]))],
            looks);
    }
}
