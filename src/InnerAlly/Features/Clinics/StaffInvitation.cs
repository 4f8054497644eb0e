using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;

namespace InnerAlly.Features.Clinics;

/// <summary>
/// An invitation to join a clinic's staff: a link that works once, for a while, for the address it
/// was sent to. Only a hash of its token is kept, so the table alone lets no one in.
/// </summary>
public sealed class StaffInvitation : Invitation
{
    public const string Purpose = "InnerAlly.StaffInvitation.v1";

    /// <summary>The first admin's link, printed by create-clinic.</summary>
    public static readonly TimeSpan FirstAdminLifetime = TimeSpan.FromHours(24);

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private StaffInvitation()
    {
    }

    /// <summary>The address the invitation is for; only an account with it can accept. Sealed at rest.</summary>
    public string Email { get; private set; } = "";

    /// <summary>The name the inviter gave, offered when accepting.</summary>
    public string? DisplayName { get; private set; }

    public bool GrantsAdmin { get; private set; }

    public bool GrantsTherapist { get; private set; }

    /// <summary>The admin who invited; null for the first admin, invited from the command line.</summary>
    public Guid? InvitedBy { get; private set; }

    public string TokenHash { get; private set; } = "";

    public Roles Granted => new(GrantsAdmin, GrantsTherapist);

    public readonly record struct Roles(bool Admin, bool Therapist)
    {
        public bool Any => Admin || Therapist;
    }

    /// <summary>A new invitation and the token for its link, which is shown or sent once and never stored.</summary>
    public static (StaffInvitation Invitation, string Token) Create(
        Guid clinicId, string email, string? displayName, Roles roles, Guid? invitedBy, DateTime now, TimeSpan lifetime)
    {
        if (!roles.Any)
        {
            throw new ArgumentException("An invitation grants a role.", nameof(roles));
        }

        if (string.IsNullOrWhiteSpace(email) || email.Length > Clinic.EmailMaxLength)
        {
            throw new ArgumentException("An invitation needs an email address.", nameof(email));
        }

        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var invitation = new StaffInvitation
        {
            Id = Guid.CreateVersion7(),
            ClinicId = clinicId,
            Email = email.Trim(),
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
            GrantsAdmin = roles.Admin,
            GrantsTherapist = roles.Therapist,
            InvitedBy = invitedBy,
            TokenHash = HashOf(token),
            CreatedAt = now.ToUniversalTime(),
            ExpiresAt = now.ToUniversalTime() + lifetime,
        };
        return (invitation, token);
    }
}

internal sealed class StaffInvitationConfiguration(FieldKeyRing keys) : IEntityTypeConfiguration<StaffInvitation>
{
    public void Configure(EntityTypeBuilder<StaffInvitation> builder)
    {
        builder.ToTable("StaffInvitations");
        builder.IsInvitation(nameof(StaffInvitation.TokenHash));
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.InvitedBy).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => new { i.ClinicId, i.CreatedAt });
        builder.Property(i => i.DisplayName).HasMaxLength(StaffMember.DisplayNameMaxLength);
        var sealedText = new ProtectedTextConverter(keys, StaffInvitation.Purpose);
        builder.Property(i => i.Email).HasConversion((ValueConverter)sealedText);
        builder.Ignore(i => i.Granted);
    }
}
