using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InnerAlly.Data;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Data;

/// <summary>
/// A note is health data: whoever gets a copy of the database file (a backup, a stolen disk)
/// must not be able to read it, while its owner reads it through the app as written.
/// </summary>
public sealed class NoteEncryptionTests(InnerAllyFactory factory, ITestOutputHelper output) : IClassFixture<InnerAllyFactory>
{
    [Fact]
    public async Task Note_is_stored_encrypted_and_read_back_decrypted()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var email = InnerAllyFactory.NewEmail();
        var client = await factory.CreateSignedInApiClientAsync(email);
        var marker = $"secret-marker-{Guid.NewGuid():N}";
        var note = $"Today I told my therapist about {marker}.";

        var created = await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 6, drive = 2, soothe = 3, note }, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();

        if (factory.Database.Provider == DatabaseProvider.Sqlite)
        {
            // Read while the app still runs, so recent writes sit in the -wal file, not yet checkpointed.
            var stored = factory.Database.ReadSqliteFiles();
            output.WriteLine($"Scanned {stored.Length} bytes of database file and WAL.");
            Assert.True(Contains(stored, email), "The scan should see plain columns (the email) in the file or its WAL.");
            Assert.False(Contains(stored, marker), "The note's words are readable in the SQLite file or its WAL.");
            Assert.False(ContainsUtf16(stored, marker), "The note's words are readable (UTF-16) in the SQLite file or its WAL.");
        }
        else
        {
            var rows = await factory.Database.QueryAsync("""SELECT "Id", "Note" FROM "CheckIns" """, r => (Id: r.GetGuid(0), Note: r.IsDBNull(1) ? null : (byte[])r.GetValue(1)), cancellationToken: cancellationToken);
            var raw = rows.Single(r => r.Id == id).Note;
            Assert.NotNull(raw);
            Assert.Equal(ProtectedTextConverter.Version, raw[0]);
            Assert.False(Contains(raw, marker), "The note's words are readable in the stored value.");
        }

        var fetched = await client.GetFromJsonAsync<JsonElement>($"/api/v1/check-ins/{id}", cancellationToken);
        Assert.Equal(note, fetched.GetProperty("note").GetString());
    }

    private static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private static bool ContainsUtf16(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;
}
