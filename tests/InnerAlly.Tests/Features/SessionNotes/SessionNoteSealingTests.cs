using System.Net;
using System.Net.Http.Json;
using System.Text;
using InnerAlly.Data;
using InnerAlly.Tests.Infrastructure;
using static InnerAlly.Tests.Features.CareTeam.CareTeamSetup;
using static InnerAlly.Tests.Features.SessionNotes.SessionNoteSetup;

namespace InnerAlly.Tests.Features.SessionNotes;

/// <summary>A session note's words, and the client's name and email kept with it, are never in the database in plain text and never in the log, whatever happens to the request.</summary>
public sealed class SessionNoteSealingTests : IAsyncLifetime
{
    private readonly InnerAllyFactory _factory = new() { CaptureLogs = true };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _factory.InitializeAsync();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static bool Contains(byte[] haystack, string text) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;

    [Fact]
    public async Task A_notes_words_are_sealed_in_the_database_and_never_logged()
    {
        var (clinic, client) = await PlaceAsync(_factory);
        var marker = $"note-marker-{Guid.NewGuid():N}";
        var amendMarker = $"amend-marker-{Guid.NewGuid():N}";
        var written = await Ok(await clinic.Therapist.PostAsJsonAsync(Url, Body(client.RelationshipId, $"We worked on {marker}.", risk: $"Risk {marker}."), Cancel));
        var id = written.GetProperty("id").GetGuid();
        await Ok(await clinic.Therapist.PutAsJsonAsync($"{Url}/{id}", Body(client.RelationshipId, $"Changed: {marker}."), Cancel));
        Assert.Equal(HttpStatusCode.Created, (await clinic.Therapist.PostAsJsonAsync($"{Url}/{id}/amendments", Body(client.RelationshipId, $"Amended: {amendMarker}."), Cancel)).StatusCode);
        await Ok(await clinic.Therapist.GetAsync($"{Url}/{id}", Cancel));
        await Ok(await clinic.Therapist.GetAsync($"{Url}?client={client.RelationshipId}", Cancel));
        Assert.Equal(HttpStatusCode.BadRequest, (await clinic.Therapist.PostAsJsonAsync(Url, Body(client.RelationshipId, marker + new string('x', 8001)), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.PostAsJsonAsync(Url, Body(client.RelationshipId, $"Refused {marker}."), Cancel)).StatusCode);

        if (_factory.Database.Provider == DatabaseProvider.Sqlite)
        {
            var stored = _factory.Database.ReadSqliteFiles();
            Assert.True(Contains(stored, clinic.TherapistEmail), "The scan should see plain columns (an email) in the file or its WAL.");
            Assert.False(Contains(stored, marker), "A session note's words are readable in the SQLite file or its WAL.");
            Assert.False(Contains(stored, amendMarker), "An amendment's words are readable in the SQLite file or its WAL.");
        }
        else
        {
            var rows = await _factory.Database.QueryAsync(
                """SELECT "WorkedOn", "Risk" FROM "SessionNoteVersions" WHERE "NoteId" = @id""",
                r => new[] { r.IsDBNull(0) ? null : (byte[])r.GetValue(0), r.IsDBNull(1) ? null : (byte[])r.GetValue(1) },
                new Dictionary<string, object> { ["id"] = id }, Cancel);
            Assert.Equal(2, rows.Count);
            foreach (var raw in rows.SelectMany(r => r).OfType<byte[]>())
            {
                Assert.Equal(ProtectedTextConverter.Version, raw[0]);
                Assert.False(Contains(raw, marker) || Contains(raw, amendMarker), "A session note's words are readable in the stored value.");
            }

            var stored = await _factory.Database.QueryAsync("""SELECT "ClientEmail" FROM "SessionNotes" WHERE "Id" = @id""", r => (byte[])r.GetValue(0), new Dictionary<string, object> { ["id"] = id }, Cancel);
            Assert.False(Contains(stored.Single(), "@example.com"), "The client's email is readable in the stored note.");
        }

        var logs = _factory.Logs.ToArray();
        Assert.Contains(logs, line => line.Contains("/api/v1/session-notes", StringComparison.Ordinal));
        var leaks = logs.Where(line => line.Contains(marker, StringComparison.Ordinal) || line.Contains(amendMarker, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} of {logs.Length} log lines hold a note's words, for example:\n{string.Join("\n", leaks.Take(3))}");
    }
}
