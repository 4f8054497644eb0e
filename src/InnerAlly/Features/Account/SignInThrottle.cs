using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace InnerAlly.Features.Account;

/// <summary>
/// Failed password, two-step code and recovery code checks, counted per key (an address, a
/// network, a known device, a person) in the database, so every instance sees the same count.
/// </summary>
public sealed class SignInFailures
{
    private SignInFailures()
    {
    }

    /// <summary>"address:&lt;hash&gt;", "network:…", "device:…" or "person:…"; addresses are hashed, so no row names one.</summary>
    public string Key { get; private set; } = "";

    public int Failures { get; private set; }

    public DateTime LastFailureAt { get; private set; }

    internal static SignInFailures First(string key, DateTime now) => new() { Key = key, Failures = 1, LastFailureAt = now };
}

internal sealed class SignInFailuresConfiguration : IEntityTypeConfiguration<SignInFailures>
{
    public void Configure(EntityTypeBuilder<SignInFailures> builder)
    {
        builder.HasKey(f => f.Key);
        builder.Property(f => f.Key).HasMaxLength(100);
        builder.HasIndex(f => f.LastFailureAt);
    }
}

/// <summary>
/// What is counted, how many failures are free, and how long a run of failures is remembered.
/// After the free ones, each failure doubles the wait before the next try (30 s, 1 min, 2 min, …,
/// at most 15 min); after <see cref="HardStop"/> consecutive failures that key is refused until a
/// success clears it (NIST SP 800-63B 5.2.2: no more than 100 consecutive failures).
/// </summary>
public readonly record struct ThrottleKey(string Id, int Free, TimeSpan? Forget)
{
    public const int HardStop = 100;
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);

    /// <summary>Untrusted tries at one address, whether or not it has an account.</summary>
    public static ThrottleKey Address(string email) => new("address:" + Hash(email.Trim().ToUpperInvariant()), 5, null);

    /// <summary>Untrusted tries from one network (an IPv4 /24 or IPv6 /64), forgotten after an hour of quiet.</summary>
    public static ThrottleKey Network(IPAddress? address) => new("network:" + NetworkOf(address), 100, TimeSpan.FromHours(1));

    /// <summary>Tries from a device the person signed in on before.</summary>
    public static ThrottleKey Device(Guid deviceId) => new("device:" + deviceId.ToString("N"), 10, null);

    /// <summary>Checks of a signed-in (or half signed-in) person's password, two-step code or recovery code.</summary>
    public static ThrottleKey Person(Guid userId) => new("person:" + userId.ToString("N"), 5, null);

    /// <summary>How long to wait after <paramref name="failures"/> failures; zero while they are free.</summary>
    public TimeSpan WaitAfter(int failures)
    {
        if (failures < Free)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - Free, 10);
        var wait = FirstWait * Math.Pow(2, doublings);
        return wait < LongestWait ? wait : LongestWait;
    }

    internal static string NetworkOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        var keep = address.AddressFamily == AddressFamily.InterNetwork ? 3 : 8;
        return Convert.ToHexStringLower(bytes.AsSpan(0, Math.Min(keep, bytes.Length)));
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..40];
}

/// <summary>Counts failures per key and says how long to wait; nothing here knows whether an account exists.</summary>
public sealed class SignInThrottle(AppDbContext db, TimeProvider clock)
{
    /// <summary>A run of failures with none for this long is over, whatever the key.</summary>
    public static readonly TimeSpan ForgottenAfter = TimeSpan.FromDays(30);

    /// <summary>How long until the next try is allowed under every key; null when it is allowed now.</summary>
    public async Task<TimeSpan?> WaitAsync(IReadOnlyCollection<ThrottleKey> keys, CancellationToken cancellationToken)
    {
        var ids = keys.Select(k => k.Id).ToList();
        var rows = await db.SignInFailures.AsNoTracking().Where(f => ids.Contains(f.Key)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        TimeSpan? longest = null;
        foreach (var row in rows)
        {
            var key = keys.First(k => k.Id == row.Key);
            if ((key.Forget is { } forget && row.LastFailureAt < now - forget) || row.LastFailureAt < now - ForgottenAfter)
            {
                continue;
            }

            var left = row.Failures >= ThrottleKey.HardStop && key.Forget is null
                ? ThrottleKey.LongestWait
                : row.LastFailureAt + key.WaitAfter(row.Failures) - now;
            if (left > TimeSpan.Zero && (longest is null || left > longest))
            {
                longest = left;
            }
        }

        return longest;
    }

    public async Task FailedAsync(IReadOnlyCollection<ThrottleKey> keys, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var key in keys)
        {
            var since = key.Forget is { } forget ? now - forget : DateTime.MinValue;
            // One statement per key, so two instances counting at once both count.
            var counted = await db.SignInFailures.Where(f => f.Key == key.Id && f.LastFailureAt >= since)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Failures, f => f.Failures + 1).SetProperty(f => f.LastFailureAt, now), cancellationToken);
            if (counted == 0)
            {
                counted = await db.SignInFailures.Where(f => f.Key == key.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.Failures, 1).SetProperty(f => f.LastFailureAt, now), cancellationToken);
            }

            if (counted == 0)
            {
                // A new row is the moment to sweep out runs that ended long ago.
                await db.SignInFailures.Where(f => f.LastFailureAt < now - ForgottenAfter).ExecuteDeleteAsync(cancellationToken);
                db.SignInFailures.Add(SignInFailures.First(key.Id, now));
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Another request made the row first; count on it.
                    db.ChangeTracker.Clear();
                    await db.SignInFailures.Where(f => f.Key == key.Id)
                        .ExecuteUpdateAsync(s => s.SetProperty(f => f.Failures, f => f.Failures + 1).SetProperty(f => f.LastFailureAt, now), cancellationToken);
                }
            }
        }
    }

    /// <summary>A success ends the run of failures for these keys.</summary>
    public Task ClearAsync(IReadOnlyCollection<ThrottleKey> keys, CancellationToken cancellationToken)
    {
        var ids = keys.Select(k => k.Id).ToList();
        return db.SignInFailures.Where(f => ids.Contains(f.Key)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>What a check under the person's own limit came to: passed, or not, or not tried because it must wait.</summary>
    public readonly record struct PersonCheck(bool Passed, TimeSpan? Wait);

    /// <summary>
    /// One check of a signed-in (or half signed-in) person's password, two-step code or recovery
    /// code, counted against their one limit: a miss counts, a pass clears the run, and while
    /// they must wait <paramref name="check"/> is not run at all.
    /// </summary>
    public async Task<PersonCheck> CheckPersonAsync(Guid userId, Func<Task<bool>> check, CancellationToken cancellationToken)
    {
        ThrottleKey[] person = [ThrottleKey.Person(userId)];
        if (await WaitAsync(person, cancellationToken) is { } wait)
        {
            return new PersonCheck(false, wait);
        }

        var passed = await check();
        await (passed ? ClearAsync(person, cancellationToken) : FailedAsync(person, cancellationToken));
        return new PersonCheck(passed, null);
    }

    public static string WaitMessage(TimeSpan wait)
    {
        var minutes = (int)Math.Ceiling(wait.TotalMinutes);
        var when = wait <= TimeSpan.FromMinutes(1) ? "in a minute" : $"in about {minutes} minutes";
        return $"There have been several tries that did not match, so for your safety this needs a short pause. You can try again {when}. Your account and everything in it are safe.";
    }
}
