namespace InnerAlly.Features.CareTeam;

/// <summary>Either side ends a care relationship; the therapist's access ends with their next request. What was shared stays the client's.</summary>
public static class EndCareRelationship
{
    /// <summary>The client ends one of their relationships; false when they have no such active one.</summary>
    public static Task<bool> ByClientAsync(Guid clientId, Guid relationshipId, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        EndAsync(db.CareRelationships.Where(r => r.Id == relationshipId && r.UserId == clientId), CareRelationship.EndedByClient, db, clock, cancellationToken);

    /// <summary>The therapist ends one of theirs; false when this is not one of their active clients.</summary>
    public static Task<bool> ByTherapistAsync(CareAccess.Client client, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        EndAsync(db.CareRelationships.Where(r => r.Id == client.Relationship.Id), CareRelationship.EndedByTherapist, db, clock, cancellationToken);

    private static async Task<bool> EndAsync(IQueryable<CareRelationship> query, string by, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var relationship = await query.SingleOrDefaultAsync(r => r.EndedAt == null, cancellationToken);
        if (relationship is null)
        {
            return false;
        }

        relationship.End(by, clock.GetUtcNow().UtcDateTime);
        await db.SharingChoices.Where(s => s.RelationshipId == relationship.Id).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
