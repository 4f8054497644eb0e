namespace InnerAlly.Features.CareTeam;

/// <summary>
/// A row that belongs to one care relationship (a sharing choice, an entry's own sharing): its own
/// id and the relationship's. It goes when the relationship does.
/// </summary>
public abstract class RelationshipRow
{
    public Guid Id { get; protected init; }

    public Guid RelationshipId { get; protected init; }
}

public static class RelationshipRowConfiguration
{
    /// <summary>Keyed by its id, and deleted with its relationship.</summary>
    public static EntityTypeBuilder<T> BelongsToRelationship<T>(this EntityTypeBuilder<T> builder)
        where T : RelationshipRow
    {
        builder.HasKey(r => r.Id);
        builder.HasOne<CareRelationship>().WithMany().HasForeignKey(r => r.RelationshipId).OnDelete(DeleteBehavior.Cascade);
        return builder;
    }
}
