using System.Net;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Hosting;

/// <summary>
/// /health/live says the process can answer (for restarts) and never waits on the database;
/// /health says it can do its work, so it asks the database (for load balancers).
/// </summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Live_answers_200_without_opening_a_database_connection()
    {
        await using var factory = new WatchedDatabaseFactory();
        await factory.InitializeAsync();
        var client = factory.CreateClient();
        var before = (factory.Watch.ConnectionsOpened, factory.Watch.Commands);

        var response = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, (factory.Watch.ConnectionsOpened, factory.Watch.Commands));
    }

    [Fact]
    public async Task Health_answers_200_when_the_database_answers_and_asks_it()
    {
        await using var factory = new WatchedDatabaseFactory();
        await factory.InitializeAsync();
        var client = factory.CreateClient();
        var before = factory.Watch.ConnectionsOpened;

        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(factory.Watch.ConnectionsOpened > before, "/health should ask the database.");
    }

    [Fact]
    public async Task While_the_database_is_down_live_answers_200_and_health_503()
    {
        await using var factory = new WatchedDatabaseFactory();
        await factory.InitializeAsync();
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);

        factory.Watch.Down = true;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);

        factory.Watch.Down = false;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
    }
}
