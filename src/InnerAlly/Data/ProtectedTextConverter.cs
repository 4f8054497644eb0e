using System.Security.Cryptography;
using System.Text;

namespace InnerAlly.Data;

/// <summary>
/// Field-level encryption for health text (notes, journal, letters, answers): AES-256-GCM under
/// a key from <see cref="FieldKeyRing"/>, stored as bytes: format version (1 byte) | key id (16) |
/// nonce (12) | tag (16) | ciphertext. The purpose is authenticated with the value, so text
/// sealed for one kind of column cannot be passed off as another.
/// </summary>
public sealed class ProtectedTextConverter(FieldKeyRing keys, string purpose = ProtectedTextConverter.NotePurpose)
    : ValueConverter<string, byte[]>(
        plain => Seal(keys, purpose, plain),
        stored => Open(keys, purpose, stored))
{
    public const byte Version = 1;
    public const string NotePurpose = "InnerAlly.ProtectedText.v1";

    private const int IdOffset = 1;
    private const int IdSize = 16;
    private const int NonceOffset = IdOffset + IdSize;
    private const int NonceSize = 12;
    private const int TagOffset = NonceOffset + NonceSize;
    private const int TagSize = 16;
    private const int HeaderSize = TagOffset + TagSize;

    /// <summary>
    /// One cipher per key per thread: setting up AES-GCM costs more than sealing a short note,
    /// and an instance may be reused by one thread at a time.
    /// </summary>
    [ThreadStatic]
    private static Dictionary<Guid, AesGcm>? s_ciphers;

    private static AesGcm CipherFor(Guid keyId, byte[] key)
    {
        var ciphers = s_ciphers ??= [];
        if (!ciphers.TryGetValue(keyId, out var cipher))
        {
            cipher = new AesGcm(key, TagSize);
            ciphers[keyId] = cipher;
        }

        return cipher;
    }

    public static byte[] Seal(FieldKeyRing keys, string purpose, string plain)
    {
        var (id, key) = keys.Current;
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[HeaderSize + plainBytes.Length];
        sealedBytes[0] = Version;
        id.TryWriteBytes(sealedBytes.AsSpan(IdOffset, IdSize));
        var nonce = sealedBytes.AsSpan(NonceOffset, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        CipherFor(id, key).Encrypt(nonce, plainBytes, sealedBytes.AsSpan(HeaderSize), sealedBytes.AsSpan(TagOffset, TagSize), Encoding.UTF8.GetBytes(purpose));
        return sealedBytes;
    }

    public static string Open(FieldKeyRing keys, string purpose, byte[] sealedBytes)
    {
        if (sealedBytes.Length < HeaderSize || sealedBytes[0] != Version)
        {
            throw new CryptographicException("A protected column held a value that is not in the sealed format.");
        }

        var id = new Guid(sealedBytes.AsSpan(IdOffset, IdSize));
        var plainBytes = new byte[sealedBytes.Length - HeaderSize];
        CipherFor(id, keys.Find(id)).Decrypt(sealedBytes.AsSpan(NonceOffset, NonceSize), sealedBytes.AsSpan(HeaderSize), sealedBytes.AsSpan(TagOffset, TagSize), plainBytes, Encoding.UTF8.GetBytes(purpose));
        return Encoding.UTF8.GetString(plainBytes);
    }

    /// <summary>The id of the key a sealed value was made with (for rotation checks and tests).</summary>
    public static Guid KeyIdOf(byte[] sealedBytes) => new(sealedBytes.AsSpan(IdOffset, IdSize));
}
