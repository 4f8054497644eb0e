using System.Security.Cryptography;

namespace InnerAlly.Features.Clinics;

/// <summary>
/// What a clinic's invitations share, whoever they are for (staff, or a therapist's client): a
/// secret that works once, for a while, until it is withdrawn. Only a SHA-256 hash of the secret is
/// kept, so the table alone lets no one in.
/// </summary>
public abstract class Invitation
{
    public Guid Id { get; protected init; }

    public Guid ClinicId { get; protected init; }

    public DateTime CreatedAt { get; protected init; }

    public DateTime ExpiresAt { get; protected init; }

    public DateTime? AcceptedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    public bool IsOpen(DateTime now) => AcceptedAt is null && RevokedAt is null && now < ExpiresAt;

    public void Accept(DateTime now) => AcceptedAt = now.ToUniversalTime();

    public void Revoke(DateTime now) => RevokedAt ??= now.ToUniversalTime();

    /// <summary>Withdraws the invitation <paramref name="which"/> finds, if it is still open; false when there is no such open invitation.</summary>
    public static async Task<bool> WithdrawAsync<T>(IQueryable<T> which, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
        where T : Invitation
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = await which.SingleOrDefaultAsync(cancellationToken);
        if (invitation is null || !invitation.IsOpen(now))
        {
            return false;
        }

        invitation.Revoke(now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

public static class InvitationConfiguration
{
    /// <summary>Keyed by its id, deleted with its clinic, and found by the unique hash (<paramref name="hash"/>, the property's name) of its secret.</summary>
    public static EntityTypeBuilder<T> IsInvitation<T>(this EntityTypeBuilder<T> builder, string hash)
        where T : Invitation
    {
        builder.HasKey(i => i.Id);
        builder.HasOne<Clinic>().WithMany().HasForeignKey(i => i.ClinicId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(hash).IsUnique();
        builder.Property<string>(hash).HasMaxLength(64);
        return builder;
    }
}
