using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Data;

/// <summary>
/// With DataProtection:KeyCertificatePath set, the key ring is stored encrypted to the operator's
/// certificate: the database alone opens nothing, and the same certificate opens everything again.
/// </summary>
[Collection(AppProcesses.Collection)]
public sealed class KeyRingCertificateTests
{
    [Fact]
    public async Task Keys_are_stored_encrypted_to_the_certificate_and_only_that_certificate_opens_them()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        var folder = Directory.CreateTempSubdirectory("innerally-cert-");
        var pfx = Path.Combine(folder.FullName, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=InnerAlly key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-password"), cancellationToken);
        }

        var withCertificate = new Dictionary<string, string?>
        {
            ["DataProtection__KeyCertificatePath"] = pfx,
            ["DataProtection__KeyCertificatePassword"] = "test-password",
        };
        Guid id;
        string token;
        await using (var first = await AppProcess.StartServerAsync(database, environment: withCertificate, cancellationToken: cancellationToken))
        {
            using var client = await first.CreateSignedInClientAsync(cancellationToken: cancellationToken);
            token = client.DefaultRequestHeaders.Authorization!.Parameter!;
            var created = await client.PostAsJsonAsync("api/v1/check-ins", new { threat = 4, drive = 4, soothe = 4, note = "Kept behind two locks." }, cancellationToken);
            id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        }

        var xml = await database.QueryAsync("""SELECT "Xml" FROM "DataProtectionKeys" """, r => r.GetString(0), cancellationToken: cancellationToken);
        Assert.NotEmpty(xml);
        Assert.All(xml, k =>
        {
            Assert.Contains("EncryptedData", k, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", k, StringComparison.Ordinal);
        });

        // The same certificate: the note and the sign-in from before both still work.
        await using (var again = await AppProcess.StartServerAsync(database, environment: withCertificate, cancellationToken: cancellationToken))
        {
            using var client = again.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            var note = await client.GetFromJsonAsync<JsonElement>($"api/v1/check-ins/{id}", cancellationToken);
            Assert.Equal("Kept behind two locks.", note.GetProperty("note").GetString());
        }

        // Without it, nothing opens, so the app does not start.
        var without = await AppProcess.RunAsync(["--urls", "http://127.0.0.1:0"], database, cancellationToken: cancellationToken);
        Assert.Equal(1, without.ExitCode);
        folder.Delete(recursive: true);
    }
}
