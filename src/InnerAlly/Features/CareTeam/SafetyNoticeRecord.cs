namespace InnerAlly.Features.CareTeam;

/// <summary>
/// That the support notice appeared after something the client wrote: when, and in which feature,
/// never the words or what was noticed. Kept only while the client shares safety notices with a
/// therapist ("tell my therapist when the support notice appears"), so nothing is kept for anyone
/// who has not asked for it. It is the client's own row: in their export, gone with their account.
/// </summary>
public sealed class SafetyNoticeRecord : PersonalRow
{
    public const int FeatureMaxLength = 40;

    private SafetyNoticeRecord()
    {
    }

    /// <summary>A <see cref="SafetyNoticeFeatures"/> key, such as "journal".</summary>
    public string Feature { get; private set; } = "";

    public DateTime At { get; private set; }

    public static SafetyNoticeRecord Noted(Guid userId, string feature, DateTime now) =>
        new() { Id = Guid.CreateVersion7(), UserId = userId, Feature = feature, At = now.ToUniversalTime() };
}

internal sealed class SafetyNoticeRecordConfiguration : IEntityTypeConfiguration<SafetyNoticeRecord>
{
    public void Configure(EntityTypeBuilder<SafetyNoticeRecord> builder)
    {
        builder.ToTable("SafetyNoticeRecords");
        builder.BelongsToPerson().HasIndex(r => new { r.UserId, r.At });
        builder.Property(r => r.Feature).HasMaxLength(SafetyNoticeRecord.FeatureMaxLength);
    }
}
