using System.Security.Cryptography;
using InnerAlly.Features.Clinics;

namespace InnerAlly.Features.CareTeam;

/// <summary>
/// One look by a therapist at a client's data: who, which relationship, what (a category, or the
/// caseload's summary), which entry if one, when, and from which page or API route. It holds no
/// health text. Rows are only ever added: the app has no path that changes or removes one (they
/// go with the client's account). Each client's rows form a chain: every row's hash covers its
/// own fields and the previous row's hash, so a change to an old row breaks every hash after it
/// (<see cref="VerifyCareAudit"/> checks the chains).
/// </summary>
public sealed class CareAccessRecord
{
    public const int ViaMaxLength = 120;
    public const int WhatMaxLength = 200;

    /// <summary>The hash before a client's first row.</summary>
    public static readonly string Genesis = new('0', 64);

    private CareAccessRecord()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Whose data was looked at.</summary>
    public Guid ClientId { get; private set; }

    /// <summary>1 for a client's first row, then one more each time.</summary>
    public long Sequence { get; private set; }

    public Guid RelationshipId { get; private set; }

    /// <summary>
    /// Whose look it was, as an account: what the therapist's own list of looks reads, newest
    /// first, in one index range. Not part of the hash (the relationship, which is, says who the
    /// therapist was); cleared if the therapist deletes their account, when the name stays.
    /// </summary>
    public Guid? TherapistUserId { get; private set; }

    /// <summary>The therapist's name as the client knew it then.</summary>
    public string TherapistName { get; private set; } = "";

    /// <summary>The categories read (<see cref="SharingCategories"/> keys, comma-separated).</summary>
    public string What { get; private set; } = "";

    public Guid? EntryId { get; private set; }

    /// <summary>The page or API route template, such as "GET /api/v1/caseload/{id}".</summary>
    public string Via { get; private set; } = "";

    public DateTime At { get; private set; }

    public string PreviousHash { get; private set; } = Genesis;

    public string Hash { get; private set; } = "";

    public IReadOnlyList<string> Categories => What.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The row after <paramref name="end"/>, the end of the client's chain (a new end for a first row).</summary>
    public static CareAccessRecord Append(
        CareAccessChainEnd end, Guid clientId, Guid relationshipId, Guid therapistUserId, string therapistName, IEnumerable<string> categories, Guid? entryId, string via, DateTime now)
    {
        var record = new CareAccessRecord
        {
            Id = Guid.CreateVersion7(),
            ClientId = clientId,
            Sequence = end.Sequence + 1,
            RelationshipId = relationshipId,
            TherapistUserId = therapistUserId,
            TherapistName = therapistName,
            What = string.Join(',', categories),
            EntryId = entryId,
            Via = via.Length > ViaMaxLength ? via[..ViaMaxLength] : via,
            // Whole microseconds: what PostgreSQL keeps, so the hash reads back the same on both databases.
            At = new DateTime(now.ToUniversalTime().Ticks / 10 * 10, DateTimeKind.Utc),
            PreviousHash = end.Hash,
        };
        record.Hash = record.ComputeHash();
        return record;
    }

    /// <summary>The hash of this row's fields and the previous row's hash, as it should be.</summary>
    public string ComputeHash()
    {
        var text = string.Join('\n',
            ClientId.ToString("N"), Sequence.ToString(CultureInfo.InvariantCulture), RelationshipId.ToString("N"), TherapistName, What,
            EntryId?.ToString("N") ?? "", Via, At.Ticks.ToString(CultureInfo.InvariantCulture), PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}

internal sealed class CareAccessRecordConfiguration : IEntityTypeConfiguration<CareAccessRecord>
{
    public void Configure(EntityTypeBuilder<CareAccessRecord> builder)
    {
        builder.ToTable("CareAccessRecords");
        builder.HasKey(r => r.Id);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Cascade);
        // One row per place in the chain: two looks at once cannot both follow the same row.
        builder.HasIndex(r => new { r.ClientId, r.Sequence }).IsUnique();
        // "When did this therapist last open this client's page" (the caseload's safety notices) is one seek.
        builder.HasIndex(r => new { r.RelationshipId, r.Via, r.At });
        // A therapist's latest looks are read newest first without sorting every look of theirs.
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.TherapistUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.TherapistUserId, r.At });
        builder.Property(r => r.TherapistName).HasMaxLength(StaffMember.DisplayNameMaxLength);
        builder.Property(r => r.What).HasMaxLength(CareAccessRecord.WhatMaxLength);
        builder.Property(r => r.Via).HasMaxLength(CareAccessRecord.ViaMaxLength);
        builder.Property(r => r.PreviousHash).HasMaxLength(64);
        builder.Property(r => r.Hash).HasMaxLength(64);
        builder.Ignore(r => r.Categories);
    }
}
