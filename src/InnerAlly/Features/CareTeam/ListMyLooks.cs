namespace InnerAlly.Features.CareTeam;

/// <summary>A therapist's own record of their looks at clients' data, newest first: what their clients see of them, from the therapist's side.</summary>
public static class ListMyLooks
{
    public const int Latest = 50;

    /// <param name="Categories">The categories read, as keys.</param>
    /// <param name="EntryId">The one entry read, when the look was at a single piece of writing.</param>
    public sealed record Look(DateTime At, Guid RelationshipId, string ClientName, IReadOnlyList<string> Categories, Guid? EntryId, string Via);

    public static async Task<IReadOnlyList<Look>> HandleAsync(Guid therapistUserId, AppDbContext db, CancellationToken cancellationToken, int limit = Latest)
    {
        // The latest rows first, by the (therapist, time) index: however many looks there have been, only these are read.
        var records = await db.CareAccessRecords.AsNoTracking()
            .Where(r => r.TherapistUserId == therapistUserId)
            .OrderByDescending(r => r.At)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var ids = records.Select(r => r.RelationshipId).Distinct().ToList();
        var names = await db.CareRelationships.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.ClientName, cancellationToken);
        return [.. records.OrderByDescending(r => r.At).ThenByDescending(r => r.Sequence)
            .Select(r => new Look(r.At, r.RelationshipId, names.GetValueOrDefault(r.RelationshipId, ""), r.Categories, r.EntryId, r.Via))];
    }
}
