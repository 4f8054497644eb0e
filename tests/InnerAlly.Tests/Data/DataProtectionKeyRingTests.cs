using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnerAlly.Tests.Data;

/// <summary>
/// The keys that protect notes and sign-in tokens live in the database beside the data, so a
/// restart, a second instance or a new machine can still read what the first one wrote.
/// </summary>
public sealed class DataProtectionKeyRingTests
{
    [Fact]
    public async Task Key_ring_is_kept_in_the_database_and_a_second_host_reads_the_first_hosts_notes_and_tokens()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var first = new InnerAllyFactory();
        await first.InitializeAsync();
        var client = await first.CreateSignedInApiClientAsync();
        const string note = "Written on the first instance.";
        var created = await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 2, drive = 3, soothe = 7, note }, cancellationToken);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        var keys = first.WithDb(db => db.DataProtectionKeys.AsNoTracking().Select(k => k.FriendlyName).ToList());
        Assert.NotEmpty(keys);

        await using var second = new InnerAllyFactory { SharedDatabase = first.Database };
        await second.InitializeAsync();
        var secondClient = second.CreateClient();
        secondClient.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;

        // The bearer token from the first host is accepted, and the note decrypts, on the second.
        var response = await secondClient.GetAsync($"/api/v1/check-ins/{id}", cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(note, (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("note").GetString());
        Assert.Equal(note, second.WithDb(db => db.CheckIns.AsNoTracking().Single(c => c.Id == id).Note));
        // It used the rings it found rather than starting its own.
        Assert.Equal(keys.Count, second.WithDb(db => db.DataProtectionKeys.Count()));
        Assert.Equal(1, second.WithDb(db => db.FieldKeys.Count()));
    }
}
