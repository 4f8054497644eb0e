using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Features.Writing;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Data;

/// <summary>
/// Logs are read by operators and kept by log services; what a person writes must never reach
/// them, at any level, whether the request succeeds or is refused.
/// </summary>
public sealed class LogPrivacyTests : IAsyncLifetime
{
    private readonly InnerAllyFactory _factory = new() { CaptureLogs = true };

    public ValueTask InitializeAsync() => _factory.InitializeAsync();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Start_up_explains_that_the_keys_live_in_the_database_and_how_to_encrypt_them()
    {
        var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);

        Assert.Contains(_factory.Logs, line => line.Contains("keys are kept in the database", StringComparison.Ordinal)
            && line.Contains("DataProtection__KeyCertificatePath", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_note_never_appears_in_the_logs()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var client = await _factory.CreateSignedInApiClientAsync();
        var marker = $"log-marker-{Guid.NewGuid():N}";

        var created = await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 5, drive = 5, soothe = 5, emotions = new[] { "sad" }, note = $"I felt {marker} today." }, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/check-ins", cancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/check-ins/{id}", cancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/check-ins/{id}", cancellationToken)).StatusCode);
        var tooLong = await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 5, drive = 5, soothe = 5, note = marker + new string('x', 2001) }, cancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);

        var logs = _factory.Logs.ToArray();
        // The capture works: the requests and the check-in's id are there, at every level down to Trace.
        Assert.Contains(logs, line => line.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.Contains(logs, line => line.StartsWith("Debug Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal));
        Assert.Contains(logs, line => line.StartsWith("Trace Microsoft.AspNetCore.", StringComparison.Ordinal));
        Assert.Contains(logs, line => line.Contains("/api/v1/check-ins", StringComparison.Ordinal));
        var leaks = logs.Where(line => line.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} of {logs.Length} log lines contain the note, for example:\n{string.Join("\n", leaks.Take(3))}");
    }

    [Fact]
    public async Task Journal_records_letters_and_cards_never_appear_in_the_logs()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var client = await _factory.CreateSignedInApiClientAsync();
        var marker = $"m{Guid.NewGuid():N}";
        var ids = new List<Guid>();
        foreach (var url in new[] { WritingSamples.JournalUrl, WritingSamples.AllyRecordsUrl, WritingSamples.LettersUrl, WritingSamples.AllyCardsUrl })
        {
            var (id, _) = await WritingSamples.CreateAsync(client, url, WritingSamples.Body(url, marker));
            ids.Add(id);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url, cancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{url}/{id}", cancellationToken)).StatusCode);
            if (url != WritingSamples.AllyCardsUrl)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"{url}/{id}", WritingSamples.Body(url, marker + " again"), cancellationToken)).StatusCode);
            }

            // Refused bodies too: too long, and a field the request does not take (named with the words in it).
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync(url, WritingSamples.Brief(url, marker + new string('x', 20_001)), cancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(url, WritingSamples.Json($"{{\"{marker}\":\"{marker}\"}}"), cancellationToken)).StatusCode);
        }

        // Searched for in the body: words in a URL would be in the request line that hosting and proxies log.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"{WritingSamples.JournalUrl}/search", new { q = marker, tag = marker }, cancellationToken)).StatusCode);
        foreach (var (url, id) in new[] { WritingSamples.JournalUrl, WritingSamples.AllyRecordsUrl, WritingSamples.LettersUrl, WritingSamples.AllyCardsUrl }.Zip(ids))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{url}/{id}", cancellationToken)).StatusCode);
        }

        var logs = _factory.Logs.ToArray();
        Assert.Contains(logs, line => line.Contains(ids[0].ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.Contains(logs, line => line.StartsWith("Debug Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal));
        Assert.Contains(logs, line => line.Contains("/api/v1/ally-records", StringComparison.Ordinal));
        var leaks = logs.Where(line => line.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} of {logs.Length} log lines contain what was written, for example:\n{string.Join("\n", leaks.Take(3))}");
    }
}
