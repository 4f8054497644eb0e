using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace InnerAlly.Tests.Features.Account;

/// <summary>
/// A passkey authenticator in software, doing what a phone does in a WebAuthn ceremony: it makes
/// a P-256 key pair, answers creation options with a "none" attestation, and signs assertions.
/// </summary>
public sealed class SoftAuthenticator : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private uint _signCount;

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(16);

    public string Origin { get; init; } = "http://localhost";

    /// <summary>Whether it checks the person (fingerprint, face, PIN) and says so with the UV flag.</summary>
    public bool VerifiesUser { get; init; } = true;

    /// <summary>The user handle the server gave at creation; a discoverable passkey returns it when signing in.</summary>
    public string? UserHandle { get; private set; }

    public void Dispose() => _key.Dispose();

    /// <summary>The JSON a browser's navigator.credentials.create() result serializes to.</summary>
    public string Create(string creationOptionsJson)
    {
        using var options = JsonDocument.Parse(creationOptionsJson);
        var root = options.RootElement;
        var rpId = root.GetProperty("rp").GetProperty("id").GetString()!;
        UserHandle = root.GetProperty("user").GetProperty("id").GetString();
        var clientData = ClientData("webauthn.create", root.GetProperty("challenge").GetString()!);

        var parameters = _key.ExportParameters(includePrivateParameters: false);
        var coseKey = new Cbor().Map(5)
            .Int(1).Int(2)      // kty: EC2
            .Int(3).Int(-7)     // alg: ES256
            .Int(-1).Int(1)     // crv: P-256
            .Int(-2).Bytes(parameters.Q.X!)
            .Int(-3).Bytes(parameters.Q.Y!)
            .ToArray();
        var credentialIdLength = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(credentialIdLength, (ushort)CredentialId.Length);
        var authData = Concat(AuthDataHead(rpId, flags: (byte)(VerifiesUser ? 0x45 : 0x41)), new byte[16], credentialIdLength, CredentialId, coseKey); // UP, UV, AT (UV only if it verifies)
        var attestationObject = new Cbor().Map(3)
            .Text("fmt").Text("none")
            .Text("attStmt").Map(0)
            .Text("authData").Bytes(authData)
            .ToArray();

        return JsonSerializer.Serialize(new
        {
            id = WebEncoders.Base64UrlEncode(CredentialId),
            rawId = WebEncoders.Base64UrlEncode(CredentialId),
            type = "public-key",
            authenticatorAttachment = "platform",
            response = new
            {
                clientDataJSON = WebEncoders.Base64UrlEncode(clientData),
                attestationObject = WebEncoders.Base64UrlEncode(attestationObject),
                transports = new[] { "internal" },
            },
            clientExtensionResults = new { },
        });
    }

    /// <summary>The JSON a browser's navigator.credentials.get() result serializes to.</summary>
    public string Get(string requestOptionsJson, ECDsa? signWith = null)
    {
        using var options = JsonDocument.Parse(requestOptionsJson);
        var root = options.RootElement;
        var rpId = root.GetProperty("rpId").GetString()!;
        var clientData = ClientData("webauthn.get", root.GetProperty("challenge").GetString()!);
        var authData = AuthDataHead(rpId, flags: (byte)(VerifiesUser ? 0x05 : 0x01)); // UP, UV
        var signature = (signWith ?? _key).SignData(Concat(authData, SHA256.HashData(clientData)), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        return JsonSerializer.Serialize(new
        {
            id = WebEncoders.Base64UrlEncode(CredentialId),
            rawId = WebEncoders.Base64UrlEncode(CredentialId),
            type = "public-key",
            authenticatorAttachment = "platform",
            response = new
            {
                clientDataJSON = WebEncoders.Base64UrlEncode(clientData),
                authenticatorData = WebEncoders.Base64UrlEncode(authData),
                signature = WebEncoders.Base64UrlEncode(signature),
                userHandle = UserHandle,
            },
            clientExtensionResults = new { },
        });
    }

    private byte[] ClientData(string type, string challenge) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type, challenge, origin = Origin, crossOrigin = false }));

    private byte[] AuthDataHead(string rpId, byte flags)
    {
        var count = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(count, _signCount++);
        return Concat(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), [flags], count);
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>Just enough CBOR (RFC 8949) for attestation objects and COSE keys.</summary>
    private sealed class Cbor
    {
        private readonly List<byte> _bytes = [];

        public Cbor Int(long value) => value >= 0 ? Head(0, (ulong)value) : Head(1, (ulong)(-1 - value));

        public Cbor Bytes(byte[] value)
        {
            Head(2, (ulong)value.Length);
            _bytes.AddRange(value);
            return this;
        }

        public Cbor Text(string value)
        {
            var utf8 = Encoding.UTF8.GetBytes(value);
            Head(3, (ulong)utf8.Length);
            _bytes.AddRange(utf8);
            return this;
        }

        public Cbor Map(int pairs) => Head(5, (ulong)pairs);

        public byte[] ToArray() => [.. _bytes];

        private Cbor Head(int major, ulong value)
        {
            var type = (byte)(major << 5);
            switch (value)
            {
                case < 24:
                    _bytes.Add((byte)(type | (byte)value));
                    break;
                case <= byte.MaxValue:
                    _bytes.Add((byte)(type | 24));
                    _bytes.Add((byte)value);
                    break;
                case <= ushort.MaxValue:
                    _bytes.Add((byte)(type | 25));
                    _bytes.Add((byte)(value >> 8));
                    _bytes.Add((byte)value);
                    break;
                default:
                    _bytes.Add((byte)(type | 26));
                    _bytes.Add((byte)(value >> 24));
                    _bytes.Add((byte)(value >> 16));
                    _bytes.Add((byte)(value >> 8));
                    _bytes.Add((byte)value);
                    break;
            }

            return this;
        }
    }
}
