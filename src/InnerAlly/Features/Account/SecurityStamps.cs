using System.Collections.Concurrent;

namespace InnerAlly.Features.Account;

/// <summary>
/// Is this sign-in's security stamp still the person's current one? Every cookie and token is
/// checked on every request; the answer is remembered for <see cref="Fresh"/> so a busy app does
/// not ask the database each time. Any change to the account (sign-out everywhere, a new
/// password, two-step changes) goes through <see cref="ProtectedUserStore"/>, which forgets the
/// remembered stamp at once, so on this instance a session ends immediately; another instance
/// behind the same load balancer notices within <see cref="Fresh"/>.
/// </summary>
public sealed class SecurityStamps(TimeProvider clock, IOptions<IdentityOptions> identity)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    public async ValueTask<bool> IsCurrentAsync(ClaimsPrincipal principal, AppDbContext db, CancellationToken cancellationToken)
    {
        var claimed = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (claimed is null || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        _entries.TryGetValue(userId, out var known);
        if (known is { Stamp: not null } && now < known.Until)
        {
            return known.Stamp == claimed;
        }

        var current = await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync(cancellationToken);
        var fresh = new Entry(current, now + Fresh, known?.Generation ?? 0);
        // Only remember it if nothing changed the account while we were asking.
        _ = known is null ? _entries.TryAdd(userId, fresh) : _entries.TryUpdate(userId, fresh, known);
        return current == claimed;
    }

    /// <summary>The account changed: ask the database next time.</summary>
    public void Forget(Guid userId) =>
        _entries.AddOrUpdate(userId, static _ => new Entry(null, DateTimeOffset.MinValue, 1), static (_, old) => new Entry(null, DateTimeOffset.MinValue, old.Generation + 1));

    private sealed record Entry(string? Stamp, DateTimeOffset Until, long Generation);
}
