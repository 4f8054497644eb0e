namespace InnerAlly.Features.CareTeam;

/// <summary>
/// A client's choice for one piece of writing and one therapist, against what its category says:
/// "keep this one private" in a shared category (<see cref="Shared"/> false), or "share this one"
/// in a category that is not shared (true). No row means the entry follows its category. The row
/// holds no words and goes with the relationship; one left by a deleted entry points at nothing.
/// </summary>
public sealed class EntryShare : RelationshipRow
{
    private EntryShare()
    {
    }

    /// <summary>The entry's kind of writing (<see cref="SharingCategories.Writing"/>).</summary>
    public string Category { get; private set; } = "";

    public Guid EntryId { get; private set; }

    public bool Shared { get; private set; }

    public DateTime ChangedAt { get; private set; }

    public static EntryShare Mark(Guid relationshipId, string category, Guid entryId, bool shared, DateTime now)
    {
        if (!SharingCategories.IsWriting(category))
        {
            throw new ArgumentException($"'{category}' is not a kind of writing.", nameof(category));
        }

        return new EntryShare { Id = Guid.CreateVersion7(), RelationshipId = relationshipId, Category = category, EntryId = entryId, Shared = shared, ChangedAt = now.ToUniversalTime() };
    }

    public void Change(bool shared, DateTime now)
    {
        Shared = shared;
        ChangedAt = now.ToUniversalTime();
    }
}

internal sealed class EntryShareConfiguration : IEntityTypeConfiguration<EntryShare>
{
    public void Configure(EntityTypeBuilder<EntryShare> builder)
    {
        builder.ToTable("EntryShares");
        builder.BelongsToRelationship();
        builder.HasIndex(s => new { s.RelationshipId, s.EntryId }).IsUnique();
        builder.HasIndex(s => s.EntryId);
        builder.Property(s => s.Category).HasMaxLength(40);
    }
}
