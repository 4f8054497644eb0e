namespace InnerAlly.Features.Clinics;

/// <summary>
/// A person's place in a clinic's staff: a therapist (who will have clients), an admin (who runs
/// the clinic's staff and details, and sees no client's health data by that role), or both.
/// Deactivated staff keep their row, so the clinic's history still names them, and have no access
/// from their next request on.
/// </summary>
public sealed class StaffMember : PersonalRow
{
    public const int DisplayNameMaxLength = 100;

    private StaffMember()
    {
    }

    public Guid ClinicId { get; private set; }

    /// <summary>How clients and colleagues see them: "Dr Sam Rivera".</summary>
    public string DisplayName { get; private set; } = "";

    public bool IsAdmin { get; private set; }

    public bool IsTherapist { get; private set; }

    public DateTime JoinedAt { get; private set; }

    public DateTime? DeactivatedAt { get; private set; }

    public bool IsActive => DeactivatedAt is null;

    public const int ReplyExpectationMaxLength = 200;

    /// <summary>What a therapist tells their clients about replies to messages ("I usually reply within 2 working days"); shown on every thread.</summary>
    public string? ReplyExpectation { get; private set; }

    public void ExpectReplies(string? expectation)
    {
        var text = string.IsNullOrWhiteSpace(expectation) ? null : expectation.Trim();
        if (text is { Length: > ReplyExpectationMaxLength })
        {
            throw new ArgumentException("A reply expectation holds up to 200 characters.", nameof(expectation));
        }

        ReplyExpectation = text;
    }

    public static StaffMember Join(Guid clinicId, Guid userId, string displayName, StaffInvitation.Roles roles, DateTime now)
    {
        var member = new StaffMember { Id = Guid.CreateVersion7(), ClinicId = clinicId, UserId = userId, JoinedAt = now.ToUniversalTime() };
        member.Grant(roles, displayName);
        return member;
    }

    /// <summary>Adds the roles of a later invitation (an admin who also becomes a therapist); joining again after deactivation makes them active again.</summary>
    public void Grant(StaffInvitation.Roles roles, string displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > DisplayNameMaxLength)
        {
            throw new ArgumentException("A name of up to 100 characters is needed.", nameof(displayName));
        }

        DisplayName = displayName.Trim();
        IsAdmin |= roles.Admin;
        IsTherapist |= roles.Therapist;
        DeactivatedAt = null;
    }

    public void Deactivate(DateTime now) => DeactivatedAt ??= now.ToUniversalTime();
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("StaffMembers");
        builder.BelongsToPerson();
        builder.HasOne<Clinic>().WithMany().HasForeignKey(m => m.ClinicId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.ClinicId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
        builder.Property(m => m.DisplayName).HasMaxLength(StaffMember.DisplayNameMaxLength);
        builder.Property(m => m.ReplyExpectation).HasMaxLength(StaffMember.ReplyExpectationMaxLength);
        builder.Ignore(m => m.IsActive);
    }
}
