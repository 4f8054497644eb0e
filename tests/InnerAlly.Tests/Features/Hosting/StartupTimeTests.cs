using System.Net;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Hosting;

/// <summary>
/// Time from starting the process to the first 200 from /health, on a new database (migrations
/// and the first protection key) and again on the same one. Logged, not asserted: the benchmarks
/// judge timing, on a quiet machine.
/// </summary>
[Collection(AppProcesses.Collection)]
public sealed class StartupTimeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Server_becomes_healthy_on_a_new_database_and_again_on_the_same_one()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();

        var first = await StartAndStopAsync(database, cancellationToken);
        var second = await StartAndStopAsync(database, cancellationToken);

        output.WriteLine($"{AppProcess.AppDll} on {database.Provider}: time to first 200 from /health: new database {first.TotalMilliseconds:F0} ms, "
            + $"migrated database {second.TotalMilliseconds:F0} ms.");
    }

    private static async Task<TimeSpan> StartAndStopAsync(TestDatabase database, CancellationToken cancellationToken)
    {
        await using var server = await AppProcess.StartServerAsync(database, cancellationToken: cancellationToken);
        using var client = server.CreateClient();
        using var response = await client.GetAsync("health", cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return server.TimeToFirstHealthy;
    }
}
