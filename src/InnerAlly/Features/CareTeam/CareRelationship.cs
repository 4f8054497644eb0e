using InnerAlly.Features.Clinics;

namespace InnerAlly.Features.CareTeam;

/// <summary>
/// A client working with one therapist of a clinic. It belongs to the client (their export holds it,
/// and it goes with their account); either side can end it, and the therapist's access ends with
/// their next request. What the client shared stays theirs: nothing is copied to the therapist.
/// </summary>
public sealed class CareRelationship : PersonalRow
{
    public const int ClientNameMaxLength = 100;
    public const string EndedByClient = "client";
    public const string EndedByTherapist = "therapist";

    private CareRelationship()
    {
    }

    public Guid ClinicId { get; private set; }

    /// <summary>The therapist's staff membership in <see cref="ClinicId"/>; null once the therapist's account is deleted (the relationship ends first).</summary>
    public Guid? TherapistId { get; private set; }

    /// <summary>The therapist's name when the work began, kept so the client's record still says who it was if the therapist's account goes.</summary>
    public string TherapistName { get; private set; } = "";

    /// <summary>The name the client chose for this therapist to see them by.</summary>
    public string ClientName { get; private set; } = "";

    public DateTime StartedAt { get; private set; }

    public DateTime? EndedAt { get; private set; }

    /// <summary>"client" or "therapist", once ended.</summary>
    public string? EndedBy { get; private set; }

    public bool IsActive => EndedAt is null;

    public static CareRelationship Start(Guid clientId, Guid clinicId, Guid therapistId, string therapistName, string clientName, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(clientName) || clientName.Trim().Length > ClientNameMaxLength)
        {
            throw new ArgumentException("A name of up to 100 characters is needed.", nameof(clientName));
        }

        return new CareRelationship
        {
            Id = Guid.CreateVersion7(),
            UserId = clientId,
            ClinicId = clinicId,
            TherapistId = therapistId,
            TherapistName = therapistName,
            ClientName = clientName.Trim(),
            StartedAt = now.ToUniversalTime(),
        };
    }

    public void End(string by, DateTime now)
    {
        if (EndedAt is not null)
        {
            return;
        }

        EndedAt = now.ToUniversalTime();
        EndedBy = by;
    }
}

internal sealed class CareRelationshipConfiguration : IEntityTypeConfiguration<CareRelationship>
{
    public void Configure(EntityTypeBuilder<CareRelationship> builder)
    {
        builder.ToTable("CareRelationships");
        builder.BelongsToPerson();
        builder.HasOne<Clinic>().WithMany().HasForeignKey(r => r.ClinicId).OnDelete(DeleteBehavior.Cascade);
        // A therapist's account going ends the work (DeleteAccount) but never removes the client's record of it.
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.TherapistId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(r => r.TherapistName).HasMaxLength(StaffMember.DisplayNameMaxLength);
        builder.HasIndex(r => new { r.TherapistId, r.EndedAt });
        // One active relationship per client and therapist: two of that therapist's codes accepted at once cannot start two.
        builder.HasIndex(r => new { r.UserId, r.TherapistId }).IsUnique().HasFilter("\"EndedAt\" IS NULL");
        builder.Property(r => r.ClientName).HasMaxLength(CareRelationship.ClientNameMaxLength);
        builder.Property(r => r.EndedBy).HasMaxLength(16);
        builder.Ignore(r => r.IsActive);
    }
}
