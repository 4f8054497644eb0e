using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace InnerAlly.Features.Account;

/// <summary>
/// A device cookie (OWASP's "device cookies" against lockout abuse): after a full sign-in, the
/// browser or app keeps a sealed note of the account and a device id. Tries that carry it are
/// counted against that device alone, so a stranger guessing at the address from elsewhere can
/// slow down only their own tries, never the person's own device.
/// </summary>
public sealed class KnownDevices(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "InnerAlly.Device";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("InnerAlly.KnownDevice").ToTimeLimitedDataProtector();

    public readonly record struct Device(Guid UserId, Guid DeviceId);

    public Device? Read(HttpContext http)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 0 } sealedNote)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(sealedNote, out _).Split('|');
            return parts.Length == 2 && Guid.TryParse(parts[0], out var userId) && Guid.TryParse(parts[1], out var deviceId)
                ? new Device(userId, deviceId)
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Keeps the device's id when it already belongs to this person, so its count stays with it.</summary>
    public void Remember(HttpContext http, User user)
    {
        var deviceId = Read(http) is { } known && known.UserId == user.Id ? known.DeviceId : Guid.NewGuid();
        var expires = clock.GetUtcNow() + Lifetime;
        http.Response.Cookies.Append(CookieName, _protector.Protect($"{user.Id}|{deviceId}", expires), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Expires = expires,
            IsEssential = true,
        });
    }
}

/// <summary>
/// One password sign-in try, for the sign-in page and the API alike: the throttle first (the same
/// for every address, with or without an account), then the same password-hash work whether or not
/// the account exists, so neither the answer nor its timing tells who has an account.
/// </summary>
public sealed class PasswordAttempt
{
    private readonly SignInThrottle _throttle;
    private readonly IReadOnlyCollection<ThrottleKey> _keys;
    private readonly ThrottleKey _address;

    private PasswordAttempt(SignInThrottle throttle, IReadOnlyCollection<ThrottleKey> keys, ThrottleKey address, User? user, TimeSpan? wait)
    {
        _throttle = throttle;
        _keys = keys;
        _address = address;
        User = user;
        Wait = wait;
    }

    // Checked against when no account has the address, so an unknown address takes as long as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<User>().HashPassword(new User(), Guid.NewGuid().ToString()));

    /// <summary>The account, when the address has one and the try may go ahead.</summary>
    public User? User { get; }

    /// <summary>Set when this try must wait; the password was not looked at.</summary>
    public TimeSpan? Wait { get; }

    public static async Task<PasswordAttempt> BeginAsync(
        string email, string password, HttpContext http, UserManager<User> users, SignInThrottle throttle, KnownDevices devices, CancellationToken cancellationToken)
    {
        var usable = password.Length <= PasswordStrengthValidator.MaxLength;
        var user = usable ? await users.FindByEmailAsync(email.Trim()) : null;
        var address = ThrottleKey.Address(email);
        ThrottleKey[] keys = devices.Read(http) is { } device && user is not null && device.UserId == user.Id
            ? [ThrottleKey.Device(device.DeviceId)]
            : [address, ThrottleKey.Network(http.Connection.RemoteIpAddress)];

        var attempt = new PasswordAttempt(throttle, keys, address, user, await throttle.WaitAsync(keys, cancellationToken));
        if (attempt.Wait is null && user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new User(), DecoyHash.Value, usable ? password : string.Empty);
            await attempt.FailedAsync(cancellationToken);
        }

        return attempt;
    }

    public Task FailedAsync(CancellationToken cancellationToken) => _throttle.FailedAsync(_keys, cancellationToken);

    /// <summary>The right password ends the run of failures at this address, wherever they came from.</summary>
    public Task SucceededAsync(CancellationToken cancellationToken) =>
        _throttle.ClearAsync([.. _keys.Where(k => !k.Id.StartsWith("network:", StringComparison.Ordinal)), _address], cancellationToken);
}
