using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace InnerAlly.Data;

/// <summary>A 256-bit key for health text, stored wrapped by ASP.NET Core Data Protection.</summary>
public sealed class FieldKey
{
    public Guid Id { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>The key, protected by Data Protection (whose own key ring is in DataProtectionKeys).</summary>
    public required string ProtectedKey { get; init; }
}

internal sealed class FieldKeyConfiguration : IEntityTypeConfiguration<FieldKey>
{
    public void Configure(EntityTypeBuilder<FieldKey> builder)
    {
        builder.ToTable("FieldKeys");
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.ProtectedKey).HasMaxLength(1000);
    }
}

/// <summary>
/// The keys that encrypt health text (envelope encryption, see docs/adr/0003): each field is
/// sealed with AES-256-GCM under a data key, and the data keys are wrapped by ASP.NET Core Data
/// Protection and kept in the database, so every instance shares them. Data Protection is
/// built for short-lived payloads and derives a fresh subkey for every value, which costs about
/// 30 microseconds a note; unwrapping each data key once makes reading a page of notes cheap.
/// Keys are made only at start-up and by the key keeper, never on a request; a key this
/// instance has not seen (another instance made it) is loaded on first use.
/// </summary>
public sealed partial class FieldKeyRing(IServiceScopeFactory scopes, IDataProtectionProvider dataProtection, TimeProvider clock, ILogger<FieldKeyRing> logger)
{
    public const string Purpose = "InnerAlly.FieldKeys.v1";
    public const int KeySize = 32;

    /// <summary>A new key is made when the newest is this old; older keys stay for reading.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private readonly IDataProtector _wrap = dataProtection.CreateProtector(Purpose);
    private readonly Lock _reload = new();
    private volatile Snapshot _snapshot = Snapshot.Empty;

    /// <summary>The key new values are sealed with.</summary>
    public (Guid Id, byte[] Key) Current =>
        _snapshot.Current is { } id
            ? (id, _snapshot.Keys[id])
            : throw new InvalidOperationException("The field keys are not loaded yet; DatabaseStartup loads them before the first request.");

    /// <summary>The key with this id, loading the ring again once if it is not known here yet.</summary>
    public byte[] Find(Guid id)
    {
        if (_snapshot.Keys.TryGetValue(id, out var key))
        {
            return key;
        }

        Reload();
        return _snapshot.Keys.TryGetValue(id, out key)
            ? key
            : throw new CryptographicException($"Field key {id} is not in the key ring.");
    }

    /// <summary>Loads every key, and makes a new one when there is none or the newest has had its time.</summary>
    public void EnsureCurrent()
    {
        Reload();
        var now = clock.GetUtcNow().UtcDateTime;
        if (_snapshot.Current is not null && now - _snapshot.CurrentCreatedAt < Lifetime)
        {
            return;
        }

        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.FieldKeys.Add(new FieldKey
            {
                Id = Guid.CreateVersion7(),
                CreatedAt = now,
                ProtectedKey = Convert.ToBase64String(_wrap.Protect(RandomNumberGenerator.GetBytes(KeySize))),
            });
            db.SaveChanges();
        }

        Log.Created(logger);
        Reload();
    }

    private void Reload()
    {
        lock (_reload)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = db.FieldKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToList();
            var keys = rows.ToFrozenDictionary(r => r.Id, r => _wrap.Unprotect(Convert.FromBase64String(r.ProtectedKey)));
            var newest = rows.Count > 0 ? rows[^1] : null;
            _snapshot = new Snapshot(keys, newest?.Id, newest?.CreatedAt ?? DateTime.MinValue);
        }
    }

    private sealed record Snapshot(FrozenDictionary<Guid, byte[]> Keys, Guid? Current, DateTime CurrentCreatedAt)
    {
        public static readonly Snapshot Empty = new(FrozenDictionary<Guid, byte[]>.Empty, null, DateTime.MinValue);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Created a new field encryption key")]
        public static partial void Created(ILogger logger);
    }
}
