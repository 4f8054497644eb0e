namespace InnerAlly.Features.CareTeam;

/// <summary>A therapist's own record of their looks at clients' data, newest first: what their clients see of them, from the therapist's side.</summary>
public static class ListMyLooks
{
    public const int Latest = 50;

    /// <param name="Categories">The categories read, as keys.</param>
    /// <param name="EntryId">The one entry read, when the look was at a single piece of writing.</param>
    public sealed record Look(DateTime At, Guid RelationshipId, string ClientName, IReadOnlyList<string> Categories, Guid? EntryId, string Via);

    public static async Task<IReadOnlyList<Look>> HandleAsync(Guid therapistUserId, AppDbContext db, CancellationToken cancellationToken, int limit = Latest) =>
        [.. (await (
            from record in db.CareAccessRecords.AsNoTracking()
            join relationship in db.CareRelationships.AsNoTracking() on record.RelationshipId equals relationship.Id
            join therapist in db.StaffMembers.AsNoTracking() on relationship.TherapistId equals (Guid?)therapist.Id
            where therapist.UserId == therapistUserId
            orderby record.At descending, record.Sequence descending
            select new { record, relationship.ClientName }).Take(limit).ToListAsync(cancellationToken))
            .Select(x => new Look(x.record.At, x.record.RelationshipId, x.ClientName, x.record.Categories, x.record.EntryId, x.record.Via))];
}
