using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using InnerAlly.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InnerAlly.Features.Account;

/// <summary>
/// One sign-in of an app and every token refreshed from it. Each refresh moves the family on a
/// generation: only the newest refresh token and the access token issued with it work. A refresh
/// token presented a second time means two parties hold it (one of them stole it), so the whole
/// family ends.
/// </summary>
public sealed class TokenFamily
{
    private TokenFamily()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public int Generation { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>When a reused refresh token ended the family; null while it is alive.</summary>
    public DateTime? EndedAt { get; private set; }

    internal static TokenFamily Start(Guid userId, DateTime now) => new() { Id = Guid.NewGuid(), UserId = userId, CreatedAt = now };
}

internal sealed class TokenFamilyConfiguration : IEntityTypeConfiguration<TokenFamily>
{
    public void Configure(EntityTypeBuilder<TokenFamily> builder)
    {
        builder.HasKey(f => f.Id);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.UserId, f.CreatedAt });
    }
}

/// <summary>
/// Starts, moves on and ends token families, and says whether a token's family and generation are
/// still current. The answer is remembered for <see cref="SecurityStamps.Fresh"/> like the security
/// stamp; a change made on this instance is seen at once, one made on another within that time.
/// </summary>
public sealed class TokenFamilies(TimeProvider clock)
{
    public const string FamilyClaim = "innerally:token_family";
    public const string GenerationClaim = "innerally:token_generation";

    /// <summary>
    /// An app's sign-in lasts at most this long from the password (ASVS 7.3.2), however often it
    /// refreshes; each refresh token also lapses after 14 days unused (Identity's default). Pages
    /// end sooner (30 idle minutes, 12 hours at most): a phone app is kept by one person, and
    /// asking for the password every day would keep people from writing when they most need to.
    /// </summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromDays(30);

    /// <summary>Families past their lifetime are gone for good.</summary>
    public static readonly TimeSpan KeepFor = AbsoluteLifetime;

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    public async Task<ClaimsPrincipal> StartAsync(ClaimsPrincipal principal, Guid userId, AppDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.TokenFamilies.Where(f => f.UserId == userId && f.CreatedAt < now - KeepFor).ExecuteDeleteAsync(cancellationToken);
        var family = TokenFamily.Start(userId, now);
        db.TokenFamilies.Add(family);
        await db.SaveChangesAsync(cancellationToken);
        return Stamp(principal, family.Id, 0);
    }

    /// <summary>Moves the family on when <paramref name="presented"/> is its newest token; otherwise ends it. Null when refused.</summary>
    public async Task<ClaimsPrincipal?> RotateAsync(ClaimsPrincipal presented, ClaimsPrincipal fresh, Guid userId, AppDbContext db, CancellationToken cancellationToken)
    {
        if (Read(presented) is not ({ } familyId, { } generation))
        {
            return null;
        }

        Forget(familyId);
        var startedAfter = clock.GetUtcNow().UtcDateTime - AbsoluteLifetime;
        var moved = await db.TokenFamilies
            .Where(f => f.Id == familyId && f.UserId == userId && f.EndedAt == null && f.Generation == generation && f.CreatedAt > startedAfter)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Generation, generation + 1), cancellationToken);
        if (moved == 1)
        {
            return Stamp(fresh, familyId, generation + 1);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.TokenFamilies.Where(f => f.Id == familyId && f.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.EndedAt, now), cancellationToken);
        return null;
    }

    public async ValueTask<bool> IsCurrentAsync(ClaimsPrincipal principal, AppDbContext db, CancellationToken cancellationToken)
    {
        if (Read(principal) is not ({ } familyId, { } generation))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (!_entries.TryGetValue(familyId, out var known) || now >= known.Until)
        {
            var row = await db.TokenFamilies.AsNoTracking().Where(f => f.Id == familyId)
                .Select(f => new { f.Generation, f.EndedAt }).SingleOrDefaultAsync(cancellationToken);
            known = new Entry(row is { EndedAt: null } ? row.Generation : -1, now + SecurityStamps.Fresh);
            _entries[familyId] = known;
        }

        return known.Generation == generation;
    }

    private void Forget(Guid familyId) => _entries.TryRemove(familyId, out _);

    private static ClaimsPrincipal Stamp(ClaimsPrincipal principal, Guid familyId, int generation)
    {
        var identity = (ClaimsIdentity)principal.Identity!;
        foreach (var old in identity.FindAll(c => c.Type is FamilyClaim or GenerationClaim).ToList())
        {
            identity.RemoveClaim(old);
        }

        identity.AddClaim(new Claim(FamilyClaim, familyId.ToString()));
        identity.AddClaim(new Claim(GenerationClaim, generation.ToString(CultureInfo.InvariantCulture)));
        return principal;
    }

    private static (Guid? Family, int? Generation) Read(ClaimsPrincipal principal) =>
        (Guid.TryParse(principal.FindFirstValue(FamilyClaim), out var family) ? family : null,
         int.TryParse(principal.FindFirstValue(GenerationClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var generation) ? generation : null);

    private readonly record struct Entry(int Generation, DateTimeOffset Until);
}
