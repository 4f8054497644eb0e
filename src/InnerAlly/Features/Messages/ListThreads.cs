using InnerAlly.Features.CareTeam;

namespace InnerAlly.Features.Messages;

/// <summary>Every thread a person has: with each of their therapists (ended ones too, as their copy), and, for a therapist, with each active client.</summary>
public static class ListThreads
{
    /// <param name="Unread">Messages from the other side not yet opened (withdrawn ones are not counted).</param>
    public sealed record Summary(Guid Id, string With, string Side, bool Open, int Unread, DateTime? LastMessageAt);

    public static async Task<IReadOnlyList<Summary>> HandleAsync(Guid userId, AppDbContext db, CareAccess access, CancellationToken cancellationToken)
    {
        var own = await (
            from relationship in db.CareRelationships.AsNoTracking()
            where relationship.UserId == userId
            join therapist in db.StaffMembers.AsNoTracking() on relationship.TherapistId equals (Guid?)therapist.Id into therapists
            from therapist in therapists.DefaultIfEmpty()
            select new { relationship, therapist }).ToListAsync(cancellationToken);
        var threads = own.Select(x => new FindThread.Thread(x.relationship, Message.FromClient, x.therapist))
            .Concat((await access.CaseloadAsync(userId, cancellationToken)).Select(c => new FindThread.Thread(c.Relationship, Message.FromTherapist, c.Therapist)))
            .ToList();

        var ids = threads.Select(t => t.Id).ToList();
        var stats = await db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.RelationshipId))
            .GroupBy(m => new { m.RelationshipId, m.From })
            .Select(g => new { g.Key.RelationshipId, g.Key.From, Last = g.Max(m => m.SentAt), Unread = g.Count(m => m.ReadAt == null && m.WithdrawnAt == null) })
            .ToListAsync(cancellationToken);

        return [.. threads
            .Select(t => new Summary(
                t.Id,
                t.With,
                t.Side,
                t.IsOpen,
                stats.Where(s => s.RelationshipId == t.Id && s.From == t.OtherSide).Sum(s => s.Unread),
                stats.Where(s => s.RelationshipId == t.Id).Max(s => (DateTime?)s.Last)))
            .OrderByDescending(s => s.Open)
            .ThenByDescending(s => s.LastMessageAt ?? DateTime.MinValue)
            .ThenBy(s => s.With, StringComparer.CurrentCulture)];
    }
}
