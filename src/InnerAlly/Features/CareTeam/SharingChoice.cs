namespace InnerAlly.Features.CareTeam;

/// <summary>
/// One category a client shares with one therapist, from the moment they turned it on, or with
/// what came before too. A category with no row is not shared; turning it off deletes the row, so
/// the next request finds nothing.
/// </summary>
public sealed class SharingChoice : RelationshipRow
{
    private SharingChoice()
    {
    }

    /// <summary>A <see cref="SharingCategories"/> key.</summary>
    public string Category { get; private set; } = "";

    /// <summary>When the client turned it on: with <see cref="IncludesEarlier"/> false, only what is dated from then on is shared.</summary>
    public DateTime Since { get; private set; }

    /// <summary>"Including what I wrote before": everything in the category, whatever its date.</summary>
    public bool IncludesEarlier { get; private set; }

    /// <summary>The earliest date shared, or null for everything.</summary>
    public DateTime? SharedFrom => IncludesEarlier ? null : Since;

    public static SharingChoice TurnOn(Guid relationshipId, string category, bool includesEarlier, DateTime now)
    {
        if (!SharingCategories.IsKnown(category))
        {
            throw new ArgumentException($"Unknown sharing category '{category}'.", nameof(category));
        }

        return new SharingChoice { Id = Guid.CreateVersion7(), RelationshipId = relationshipId, Category = category, Since = now.ToUniversalTime(), IncludesEarlier = includesEarlier };
    }

    /// <summary>Widens to what came before, or narrows back to from now on (from this moment, not the first).</summary>
    public void Change(bool includesEarlier, DateTime now)
    {
        if (IncludesEarlier == includesEarlier)
        {
            return;
        }

        IncludesEarlier = includesEarlier;
        if (!includesEarlier)
        {
            Since = now.ToUniversalTime();
        }
    }
}

internal sealed class SharingChoiceConfiguration : IEntityTypeConfiguration<SharingChoice>
{
    public void Configure(EntityTypeBuilder<SharingChoice> builder)
    {
        builder.ToTable("SharingChoices");
        builder.BelongsToRelationship();
        builder.HasIndex(s => new { s.RelationshipId, s.Category }).IsUnique();
        builder.Property(s => s.Category).HasMaxLength(40);
        builder.Ignore(s => s.SharedFrom);
    }
}
