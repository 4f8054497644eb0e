using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InnerAlly.Data;

/// <summary>
/// Field-level encryption for health text (notes, journal, letters, answers): AES-256-GCM under
/// a key from <see cref="FieldKeyRing"/>. Stored as <c>fk1:</c> and base64url of
/// key id (16 bytes) | nonce (12) | tag (16) | ciphertext. The purpose is authenticated with the
/// value, so text sealed for one kind of column cannot be passed off as another.
/// </summary>
public sealed class ProtectedTextConverter(FieldKeyRing keys, string purpose = ProtectedTextConverter.NotePurpose)
    : ValueConverter<string, string>(
        plain => Seal(keys, purpose, plain),
        stored => Open(keys, purpose, stored))
{
    public const string Marker = "fk1:";
    public const string NotePurpose = "InnerAlly.ProtectedText.v1";

    private const int IdSize = 16;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = IdSize + NonceSize + TagSize;

    /// <summary>
    /// One cipher per key per thread: setting up AES-GCM costs more than sealing a short note,
    /// and an instance may be reused by one thread at a time.
    /// </summary>
    [ThreadStatic]
    private static Dictionary<Guid, AesGcm>? t_ciphers;

    private static AesGcm CipherFor(Guid keyId, byte[] key)
    {
        var ciphers = t_ciphers ??= [];
        if (!ciphers.TryGetValue(keyId, out var cipher))
        {
            cipher = new AesGcm(key, TagSize);
            ciphers[keyId] = cipher;
        }

        return cipher;
    }

    public static string Seal(FieldKeyRing keys, string purpose, string plain)
    {
        var (id, key) = keys.Current;
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[HeaderSize + plainBytes.Length];
        id.TryWriteBytes(sealedBytes.AsSpan(0, IdSize));
        var nonce = sealedBytes.AsSpan(IdSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        CipherFor(id, key).Encrypt(nonce, plainBytes, sealedBytes.AsSpan(HeaderSize), sealedBytes.AsSpan(IdSize + NonceSize, TagSize), Encoding.UTF8.GetBytes(purpose));

        return Marker + Base64Url.EncodeToString(sealedBytes);
    }

    public static string Open(FieldKeyRing keys, string purpose, string stored)
    {
        if (!stored.StartsWith(Marker, StringComparison.Ordinal))
        {
            throw new CryptographicException("A protected column held a value without the protection marker.");
        }

        var sealedBytes = Base64Url.DecodeFromChars(stored.AsSpan(Marker.Length));
        if (sealedBytes.Length < HeaderSize)
        {
            throw new CryptographicException("A protected value is too short to be real.");
        }

        var id = new Guid(sealedBytes.AsSpan(0, IdSize));
        var plainBytes = new byte[sealedBytes.Length - HeaderSize];
        CipherFor(id, keys.Find(id)).Decrypt(sealedBytes.AsSpan(IdSize, NonceSize), sealedBytes.AsSpan(HeaderSize), sealedBytes.AsSpan(IdSize + NonceSize, TagSize), plainBytes, Encoding.UTF8.GetBytes(purpose));

        return Encoding.UTF8.GetString(plainBytes);
    }
}
