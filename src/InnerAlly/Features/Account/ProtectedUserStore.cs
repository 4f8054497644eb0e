using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace InnerAlly.Features.Account;

/// <summary>
/// Identity keeps the authenticator secret and the recovery codes as user tokens, in plain text by
/// default; here they are protected at rest like every other secret column. Changes to an account
/// also reach <see cref="SecurityStamps"/>, so a session that has ended is refused at once.
/// Recovery codes are kept as salted one-way hashes, not ciphertext: encryption can be undone.
/// </summary>
public sealed class ProtectedUserStore(
    AppDbContext context, IDataProtectionProvider dataProtection, TimeProvider clock, SecurityStamps stamps, IPasswordHasher<User> hasher, IdentityErrorDescriber? describer = null)
    : UserStore<User, IdentityRole<Guid>, AppDbContext, Guid, IdentityUserClaim<Guid>, IdentityUserRole<Guid>,
        IdentityUserLogin<Guid>, IdentityUserToken<Guid>, IdentityRoleClaim<Guid>, IdentityUserPasskey<Guid>>(context, describer)
{
    private const string Purpose = "InnerAlly.IdentityTokens.v1";

    /// <summary>Data Protection payloads; read rarely (at sign-in), so the per-value cost does not matter here.</summary>
    public const string Marker = "dp1:";
    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    /// <summary>Recovery codes as PasswordHasher hashes (PBKDF2, random 128-bit salt each), separated by ';'.</summary>
    public const string HashedMarker = "hash1:";

    // Where Identity's UserStoreBase keeps recovery codes.
    private const string CodesProvider = "[AspNetUserStore]";
    private const string CodesName = "RecoveryCodes";

    /// <summary>Any change may carry a new security stamp; sessions are checked against the database again.</summary>
    public override async Task<IdentityResult> UpdateAsync(User user, CancellationToken cancellationToken = default)
    {
        var result = await base.UpdateAsync(user, cancellationToken);
        stamps.Forget(user.Id);
        return result;
    }

    public override async Task<IdentityResult> DeleteAsync(User user, CancellationToken cancellationToken = default)
    {
        var result = await base.DeleteAsync(user, cancellationToken);
        stamps.Forget(user.Id);
        return result;
    }

    /// <summary>
    /// Identity's own lockout is off for everyone: anyone who knew an address could pause its
    /// owner's sign-in with it. <see cref="SignInThrottle"/> slows down the guesser instead.
    /// </summary>
    public override Task<bool> GetLockoutEnabledAsync(User user, CancellationToken cancellationToken = default) => Task.FromResult(false);

    /// <summary>Every way in (the pages and the API) records when the account began.</summary>
    public override Task<IdentityResult> CreateAsync(User user, CancellationToken cancellationToken = default)
    {
        if (user.CreatedAt == default)
        {
            user.CreatedAt = clock.GetUtcNow().UtcDateTime;
        }

        return base.CreateAsync(user, cancellationToken);
    }

    public override Task SetTokenAsync(User user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, value is null ? null : Marker + _protector.Protect(value), cancellationToken);

    public override async Task<string?> GetTokenAsync(User user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return stored is not null && stored.StartsWith(Marker, StringComparison.Ordinal)
            ? _protector.Unprotect(stored[Marker.Length..])
            : stored;
    }

    public override Task ReplaceCodesAsync(User user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, CodesProvider, CodesName, HashedMarker + string.Join(';', recoveryCodes.Select(code => hasher.HashPassword(user, code))), cancellationToken);

    /// <summary>Checks the code against each hash left (ten at most); codes kept as ciphertext before are hashed on first use.</summary>
    public override async Task<bool> RedeemCodeAsync(User user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var stored = await base.GetTokenAsync(user, CodesProvider, CodesName, cancellationToken) ?? string.Empty;
        if (!stored.StartsWith(HashedMarker, StringComparison.Ordinal))
        {
            var plain = (await GetTokenAsync(user, CodesProvider, CodesName, cancellationToken) ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
            var found = plain.Remove(code);
            await ReplaceCodesAsync(user, plain, cancellationToken);
            return found;
        }

        var hashes = stored[HashedMarker.Length..].Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var match = hashes.FindIndex(hash => hasher.VerifyHashedPassword(user, hash, code) != PasswordVerificationResult.Failed);
        if (match < 0)
        {
            return false;
        }

        hashes.RemoveAt(match);
        await base.SetTokenAsync(user, CodesProvider, CodesName, HashedMarker + string.Join(';', hashes), cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(User user, CancellationToken cancellationToken)
    {
        var stored = await GetTokenAsync(user, CodesProvider, CodesName, cancellationToken) ?? string.Empty;
        return (stored.StartsWith(HashedMarker, StringComparison.Ordinal) ? stored[HashedMarker.Length..] : stored)
            .Split(';', StringSplitOptions.RemoveEmptyEntries).Length;
    }
}
