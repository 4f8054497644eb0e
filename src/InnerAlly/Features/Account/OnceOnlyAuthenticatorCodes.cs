using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace InnerAlly.Features.Account;

/// <summary>
/// Authenticator app codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) that work once and
/// only briefly. Identity's own provider accepts two steps either side of now (about two and a
/// half minutes), accepts the same code again, and reads the machine's clock. This one accepts
/// the current step and the one before it (a phone's clock may run a little behind), remembers
/// the last step it accepted for the person, and refuses that step and any earlier one.
/// </summary>
public sealed class OnceOnlyAuthenticatorCodes(TimeProvider clock) : IUserTwoFactorTokenProvider<User>
{
    public const string ProviderName = "InnerAllyAuthenticator";
    public const string LoginProvider = "InnerAlly";
    public const string LastStepName = "LastAuthenticatorStep";
    private const int StepSeconds = 30;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<User> manager, User user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the codes; there is nothing to send.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<User> manager, User user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<User> manager, User user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = token.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrWhiteSpace(key) || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var secret = FromBase32(key);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepName), NumberStyles.None, CultureInfo.InvariantCulture, out var step) ? step : long.MinValue;
        foreach (var candidate in new[] { now, now - 1 })
        {
            if (candidate > last && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(secret, candidate)), Encoding.ASCII.GetBytes(code)))
            {
                // The user row's concurrency stamp makes two requests racing with one code fail one of them.
                var saved = await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepName, candidate.ToString(CultureInfo.InvariantCulture));
                return saved.Succeeded;
            }
        }

        return false;
    }

    /// <summary>The 6-digit code for one 30-second step (RFC 4226 section 5.3 truncation).</summary>
    public static string Code(byte[] secret, long step)
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, step);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; it is what they compute, not a choice.
        var hash = HMACSHA1.HashData(secret, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 4648 base32, as Identity writes authenticator keys.</summary>
    public static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant())
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                continue; // spaces and '=' padding
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
