using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace InnerAlly.Features.Account;

/// <summary>
/// One sign-in: of an app, with every token refreshed from it, or of a browser, with its cookie.
/// Each refresh moves an app's family on a generation: only the newest refresh token and the
/// access token issued with it work. A refresh token presented a second time means two parties
/// hold it (one of them stole it), so the whole family ends. The person sees their sign-ins on
/// /account/sessions and can end any one of them (ASVS 7.5.2).
/// </summary>
public sealed class TokenFamily : PersonalRow
{
    public const int DeviceMaxLength = 80;

    private TokenFamily()
    {
    }

    public int Generation { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>When a reused refresh token, or the person, ended the family; null while it is alive.</summary>
    public DateTime? EndedAt { get; private set; }

    public SignInKind Kind { get; private set; }

    /// <summary>What the browser or app said it was ("Firefox on Linux"), for the person to tell their sign-ins apart.</summary>
    public string? Device { get; private set; }

    /// <summary>
    /// A hash of the security stamp the sign-in carries: once the person's stamp changes (a new
    /// password, signing out everywhere), a sign-in with the old one is over, and is not listed.
    /// </summary>
    public string? StampHash { get; private set; }

    internal static TokenFamily Start(Guid userId, DateTime now, SignInKind kind, string? device, string? stamp) => new()
    {
        Id = Guid.NewGuid(),
        UserId = userId,
        CreatedAt = now,
        Kind = kind,
        Device = device,
        StampHash = HashOf(stamp),
    };

    internal static string? HashOf(string? stamp) =>
        stamp is null ? null : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(stamp)))[..32];
}

public enum SignInKind
{
    App = 0,
    Browser = 1,
}

internal sealed class TokenFamilyConfiguration : IEntityTypeConfiguration<TokenFamily>
{
    public void Configure(EntityTypeBuilder<TokenFamily> builder)
    {
        builder.BelongsToPerson();
        builder.HasIndex(f => new { f.UserId, f.CreatedAt });
        builder.Property(f => f.Device).HasMaxLength(TokenFamily.DeviceMaxLength);
        builder.Property(f => f.StampHash).HasMaxLength(32);
    }
}

/// <summary>
/// Starts, moves on and ends token families, and says whether a token's family and generation are
/// still current. The answer is remembered for <see cref="SecurityStamps.Fresh"/> like the security
/// stamp; a change made on this instance is seen at once, one made on another within that time.
/// </summary>
public sealed class TokenFamilies(TimeProvider clock, IOptions<IdentityOptions> identity)
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

    public async Task<ClaimsPrincipal> StartAsync(ClaimsPrincipal principal, Guid userId, string? device, AppDbContext db, CancellationToken cancellationToken) =>
        Stamp(principal, await StartFamilyAsync(userId, SignInKind.App, device, StampOf(principal), db, cancellationToken), 0);

    /// <summary>A browser's sign-in: its id goes into the cookie's properties, which a refresh keeps.</summary>
    public Task<Guid> StartBrowserAsync(ClaimsPrincipal principal, Guid userId, string? device, AppDbContext db, CancellationToken cancellationToken) =>
        StartFamilyAsync(userId, SignInKind.Browser, device, StampOf(principal), db, cancellationToken);

    /// <summary>A browser's sign-in was refreshed with a new stamp (after a new password, say): it goes on.</summary>
    public Task RestampAsync(Guid familyId, ClaimsPrincipal principal, AppDbContext db, CancellationToken cancellationToken)
    {
        var hash = TokenFamily.HashOf(StampOf(principal));
        return db.TokenFamilies.Where(f => f.Id == familyId).ExecuteUpdateAsync(s => s.SetProperty(f => f.StampHash, hash), cancellationToken);
    }

    private async Task<Guid> StartFamilyAsync(Guid userId, SignInKind kind, string? device, string? stamp, AppDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.TokenFamilies.Where(f => f.UserId == userId && f.CreatedAt < now - KeepFor).ExecuteDeleteAsync(cancellationToken);
        var family = TokenFamily.Start(userId, now, kind, device?.Length > TokenFamily.DeviceMaxLength ? device[..TokenFamily.DeviceMaxLength] : device, stamp);
        db.TokenFamilies.Add(family);
        await db.SaveChangesAsync(cancellationToken);
        return family.Id;
    }

    public sealed record SignIn(Guid Id, SignInKind Kind, string? Device, DateTime SignedInAt);

    /// <summary>The person's sign-ins that still stand, newest first.</summary>
    public async Task<IReadOnlyList<SignIn>> ListAsync(User user, AppDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = TokenFamily.HashOf(user.SecurityStamp);
        var browsersAfter = now - SessionCookieEvents.AbsoluteLifetime;
        var appsAfter = now - AbsoluteLifetime;
        var rows = await db.TokenFamilies.AsNoTracking()
            .Where(f => f.UserId == user.Id && f.EndedAt == null && f.StampHash == hash
                && (f.Kind == SignInKind.Browser ? f.CreatedAt > browsersAfter : f.CreatedAt > appsAfter))
            .Select(f => new SignIn(f.Id, f.Kind, f.Device, f.CreatedAt))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.SignedInAt)];
    }

    /// <summary>Ends one of the person's sign-ins; false when it is not theirs or is over already.</summary>
    public async Task<bool> EndAsync(Guid userId, Guid familyId, AppDbContext db, CancellationToken cancellationToken)
    {
        Forget(familyId);
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = await db.TokenFamilies.Where(f => f.Id == familyId && f.UserId == userId && f.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.EndedAt, now), cancellationToken);
        return ended == 1;
    }

    /// <summary>The family of the app token or the browser sign-in behind this request, if any.</summary>
    public static async Task<Guid?> FamilyOfAsync(HttpContext http) =>
        Read(http.User).Family
        ?? ((await http.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Properties is { } properties ? SessionCookieEvents.FamilyOf(properties) : null);

    private string? StampOf(ClaimsPrincipal principal) => principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);

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

    public ValueTask<bool> IsCurrentAsync(ClaimsPrincipal principal, AppDbContext db, CancellationToken cancellationToken) =>
        Read(principal) is ({ } familyId, { } generation) ? IsCurrentAsync(familyId, generation, db, cancellationToken) : ValueTask.FromResult(false);

    public async ValueTask<bool> IsCurrentAsync(Guid familyId, int generation, AppDbContext db, CancellationToken cancellationToken)
    {
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
