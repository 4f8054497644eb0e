namespace InnerAlly.Features.CareTeam;

/// <summary>
/// Where one client's chain of access rows ends: the last row's place and hash. A new look reads
/// it in one seek instead of searching the chain for its end, and moves it on in the same
/// transaction as the rows it adds, so it always names the newest row (verify-care-audit checks
/// that too, which also shows a chain cut short at its end). It holds no health text and goes
/// with the client's account.
/// </summary>
public sealed class CareAccessChainEnd
{
    private CareAccessChainEnd()
    {
    }

    public Guid ClientId { get; private set; }

    /// <summary>The newest row's sequence (1 for a client's first row).</summary>
    public long Sequence { get; private set; }

    /// <summary>The newest row's hash, which the next row will point to.</summary>
    public string Hash { get; private set; } = CareAccessRecord.Genesis;

    public static CareAccessChainEnd Start(Guid clientId) => new() { ClientId = clientId };

    /// <summary>Moves the end on to a row just added after it.</summary>
    public void MoveTo(CareAccessRecord record)
    {
        Sequence = record.Sequence;
        Hash = record.Hash;
    }
}

internal sealed class CareAccessChainEndConfiguration : IEntityTypeConfiguration<CareAccessChainEnd>
{
    public void Configure(EntityTypeBuilder<CareAccessChainEnd> builder)
    {
        builder.ToTable("CareAccessChainEnds");
        // One end per client: two first looks at once cannot both start a chain.
        builder.HasKey(e => e.ClientId);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Hash).HasMaxLength(64);
    }
}
