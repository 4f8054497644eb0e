namespace InnerAlly.Features.CareTeam;

/// <summary>The person's part of the care team in their export: their places on clinics' staff, every care relationship with what it shares (by category and by entry), every look at their data, the messages with each therapist, and the support notices kept for a therapist.</summary>
public static class ExportCareTeam
{
    public sealed record StaffPlace(string Clinic, string DisplayName, bool IsAdmin, bool IsTherapist, DateTime JoinedAt, DateTime? DeactivatedAt);

    /// <param name="Entries">Single entries kept private from, or shared alone with, this therapist.</param>
    public sealed record Relationship(
        Guid Id, string TherapistName, string Clinic, string ClientName, DateTime StartedAt, DateTime? EndedAt, string? EndedBy,
        IReadOnlyList<ListCareTeam.SharedCategory> Sharing, IReadOnlyList<EntryMark> Entries, IReadOnlyList<ThreadMessage> Messages);

    /// <summary>A message in the thread with this therapist, as written (a withdrawn one has no text).</summary>
    public sealed record ThreadMessage(string From, string? Text, DateTime SentAt, DateTime? ReadAt, DateTime? WithdrawnAt);

    public sealed record EntryMark(string Category, Guid EntryId, bool Shared, DateTime ChangedAt);

    /// <summary>A support notice kept for a therapist the person told of them: when, and after what.</summary>
    public sealed record SafetyNotice(DateTime At, string Feature);

    public sealed record Body(IReadOnlyList<StaffPlace> Staff, IReadOnlyList<Relationship> Therapists, IReadOnlyList<ListCareTeam.Look> Looks, IReadOnlyList<SafetyNotice> SafetyNotices);

    public static async Task<Body> HandleAsync(Guid userId, AppDbContext db, CancellationToken cancellationToken)
    {
        var staff = await db.StaffMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Clinics, m => m.ClinicId, c => c.Id, (m, c) => new { Member = m, Clinic = c.Name })
            .ToListAsync(cancellationToken);
        var relationships = await ListCareTeam.RelationshipsAsync(userId, activeOnly: false, db, cancellationToken);
        var looks = await ListCareTeam.LooksAsync(userId, db, cancellationToken, limit: int.MaxValue);
        var ids = relationships.Select(r => r.Relationship.Id).ToList();
        var messages = (await db.Messages.AsNoTracking().Where(m => ids.Contains(m.RelationshipId)).ToListAsync(cancellationToken))
            .OrderBy(m => m.SentAt).ToLookup(m => m.RelationshipId);
        var notices = await db.SafetyNoticeRecords.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.At).Select(n => new SafetyNotice(n.At, n.Feature)).ToListAsync(cancellationToken);
        return new Body(
            [.. staff.OrderBy(s => s.Member.JoinedAt).Select(s => new StaffPlace(s.Clinic, s.Member.DisplayName, s.Member.IsAdmin, s.Member.IsTherapist, s.Member.JoinedAt, s.Member.DeactivatedAt))],
            [.. relationships.Select(r => new Relationship(
                r.Relationship.Id, r.TherapistName, r.ClinicName, r.Relationship.ClientName, r.Relationship.StartedAt, r.Relationship.EndedAt, r.Relationship.EndedBy,
                r.Sharing, [.. r.Entries.Select(e => new EntryMark(e.Category, e.EntryId, e.Shared, e.ChangedAt))],
                [.. messages[r.Relationship.Id].Select(m => new ThreadMessage(m.From, m.IsWithdrawn ? null : m.Text, m.SentAt, m.ReadAt, m.WithdrawnAt))]))],
            looks,
            notices);
    }
}
