using System.Security.Cryptography;
using InnerAlly.Features.Clinics;

namespace InnerAlly.Features.CareTeam;

/// <summary>
/// A therapist's invitation to a client: an 8-character code to hand over in a session, which is
/// also the end of a link (and, with email on, sent to the client's address). It works once,
/// for 14 days, until the therapist withdraws it. Only a hash of the code is kept.
/// </summary>
public sealed class ClientInvitation : Invitation
{
    public const string Purpose = "InnerAlly.ClientInvitation.v1";
    public const int CodeLength = 8;

    /// <summary>Capital letters and digits that cannot be misread for one another (no I, L, O, U, 0 or 1).</summary>
    public const string Alphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private ClientInvitation()
    {
    }

    /// <summary>The therapist's staff membership.</summary>
    public Guid TherapistId { get; private set; }

    /// <summary>Where it was emailed, if it was; sealed at rest. Any signed-in account can accept a code.</summary>
    public string? Email { get; private set; }

    public string CodeHash { get; private set; } = "";

    /// <summary>A new invitation and its code, which is shown (or sent) once and never stored.</summary>
    public static (ClientInvitation Invitation, string Code) Create(Guid clinicId, Guid therapistId, string? email, DateTime now)
    {
        var code = new string(RandomNumberGenerator.GetItems<char>(Alphabet, CodeLength));
        var invitation = new ClientInvitation
        {
            Id = Guid.CreateVersion7(),
            ClinicId = clinicId,
            TherapistId = therapistId,
            Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim(),
            CodeHash = HashOf(code),
            CreatedAt = now.ToUniversalTime(),
            ExpiresAt = now.ToUniversalTime() + Lifetime,
        };
        return (invitation, code);
    }

    /// <summary>The code as people read it aloud: ABCD-EFGH.</summary>
    public static string Display(string code) => $"{code[..4]}-{code[4..]}";

    /// <summary>The code as typed (any case, spaces and hyphens allowed), or null when it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 40)
        {
            return null;
        }

        var code = new string([.. typed.Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant)]);
        return code.Length == CodeLength && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }
}

internal sealed class ClientInvitationConfiguration(FieldKeyRing keys) : IEntityTypeConfiguration<ClientInvitation>
{
    public void Configure(EntityTypeBuilder<ClientInvitation> builder)
    {
        builder.ToTable("ClientInvitations");
        builder.IsInvitation(nameof(ClientInvitation.CodeHash));
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(i => i.TherapistId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.TherapistId, i.CreatedAt });
        builder.Property(i => i.Email).HasConversion((ValueConverter)new ProtectedTextConverter(keys, ClientInvitation.Purpose));
    }
}
