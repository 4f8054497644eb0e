using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Data;

/// <summary>
/// A 201 is a promise: once the API has said a check-in is saved, losing power, the OOM killer
/// or a crash must not take it back. The server is killed with SIGKILL while writes are in
/// flight, and the database is then read directly.
/// </summary>
[Collection(AppProcesses.Collection)]
public sealed class KillDurabilityTests(ITestOutputHelper output)
{
    private const int Writers = 4;
    private const int KillAfterAcknowledged = 400;

    [Fact]
    public async Task Every_acknowledged_check_in_survives_SIGKILL_of_the_server()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var server = await AppProcess.StartServerAsync(database, cancellationToken: cancellationToken);
        using var client = await server.CreateSignedInClientAsync(cancellationToken: cancellationToken);

        var acknowledged = new ConcurrentDictionary<Guid, byte>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = 0;
        var failedAfterKill = 0;
        var killing = false;
        var otherStatuses = new ConcurrentQueue<HttpStatusCode>();
        using var stop = new CancellationTokenSource();

        async Task WriteAsync(int writer)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                Interlocked.Increment(ref inFlight);
                try
                {
                    // No cancellation token: a request in flight at the kill must really be in flight.
                    using var response = await client.PostAsJsonAsync("api/v1/check-ins",
                        new { threat = i % 11, drive = writer, soothe = (i * 7) % 11, emotions = new[] { "calm" }, note = $"writer {writer}, write {i}" },
                        CancellationToken.None);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None);
                        acknowledged.TryAdd(body.GetProperty("id").GetGuid(), 0);
                        if (acknowledged.Count >= KillAfterAcknowledged)
                        {
                            enough.TrySetResult();
                        }
                    }
                    else
                    {
                        otherStatuses.Enqueue(response.StatusCode);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException or JsonException)
                {
                    // The server died under this request (or before it): not acknowledged, nothing promised.
                    Interlocked.Increment(ref failedAfterKill);
                    if (Volatile.Read(ref killing))
                    {
                        return;
                    }

                    throw;
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }
        }

        var writers = Enumerable.Range(1, Writers).Select(w => Task.Run(() => WriteAsync(w), CancellationToken.None)).ToArray();
        var finished = await Task.WhenAny(enough.Task, Task.WhenAll(writers), Task.Delay(TimeSpan.FromMinutes(2), cancellationToken));
        Assert.True(enough.Task.IsCompleted, $"Only {acknowledged.Count} check-ins were acknowledged; statuses other than 201: "
            + string.Join(", ", otherStatuses.Take(10)) + (finished == enough.Task ? "" : $"\n{server.Output}"));

        var inFlightAtKill = Volatile.Read(ref inFlight);
        Volatile.Write(ref killing, true);
        server.Kill();
        var acknowledgedAtKill = acknowledged.Count;
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        // Anything acknowledged between reading the count and the kill is in the set too.
        var promised = acknowledged.Keys.ToHashSet();

        var stored = (await database.QueryAsync("""SELECT "Id" FROM "CheckIns" """, r => r.GetGuid(0), cancellationToken: cancellationToken)).ToHashSet();
        var lost = promised.Where(id => !stored.Contains(id)).ToList();

        output.WriteLine($"{database.Provider}: {promised.Count} acknowledged ({acknowledgedAtKill} when SIGKILL was sent), "
            + $"{inFlightAtKill} requests in flight at the kill, {failedAfterKill} failed with the server, {stored.Count} rows stored, {lost.Count} lost. "
            + $"Server start to first healthy /health: {server.TimeToFirstHealthy.TotalMilliseconds:F0} ms.");
        Assert.Empty(otherStatuses);
        Assert.True(inFlightAtKill > 0, "The kill should land while writes are in flight.");
        Assert.True(lost.Count == 0, $"{lost.Count} of {promised.Count} acknowledged check-ins were lost, for example {string.Join(", ", lost.Take(5))}.");
        // Every stored row is one someone asked for; none appear from nowhere.
        Assert.InRange(stored.Count, promised.Count, promised.Count + Writers);
    }
}
