using System.Net;
using InnerAlly.Infrastructure;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Hosting;

/// <summary>
/// Verbs (seed-demo, migrate) never get in the way of ASP.NET Core's own options; a word the app
/// does not know is a mistake to point out, not something to serve.
/// </summary>
[Collection(AppProcesses.Collection)]
public sealed class CommandLineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Unknown_verb_prints_usage_and_exits_2()
    {
        var result = await AppProcess.RunAsync(["frobnicate", "--urls", "http://127.0.0.1:9"], database: null, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown command 'frobnicate'", result.AllOutput, StringComparison.Ordinal);
        Assert.Contains("Usage: InnerAlly", result.AllOutput, StringComparison.Ordinal);
        Assert.All(CommandLine.Verbs, verb => Assert.Contains(verb, result.AllOutput, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("analyze", "{\"id\": <any JSON value>, \"text\": \"...\"}")]
    [InlineData("evaluate", "thinking-traps-sharma2023")]
    [InlineData("train-language", "Training/")]
    [InlineData("tune-layer", "tuned_layer.bin")]
    public async Task Language_verbs_explain_themselves_with_help_and_need_no_database(string verb, string documented)
    {
        var result = await AppProcess.RunAsync([verb, "--help"], database: null, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.AllOutput);
        Assert.Contains($"Usage: InnerAlly {verb}", result.AllOutput, StringComparison.Ordinal);
        Assert.Contains(documented, result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_applies_the_migrations_and_exits_0()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();

        var result = await AppProcess.RunAsync(["migrate"], database, cancellationToken: cancellationToken);

        Assert.True(result.ExitCode == 0, result.AllOutput);
        var applied = await database.QueryAsync("""SELECT "MigrationId" FROM "__EFMigrationsHistory" """, r => r.GetString(0), cancellationToken: cancellationToken);
        Assert.NotEmpty(applied);
    }

    [Fact]
    public async Task With_no_verb_urls_serves_plain_http_without_redirect_or_hsts()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var server = await AppProcess.StartServerAsync(database, cancellationToken: cancellationToken);
        output.WriteLine($"{database.Provider}: healthy {server.TimeToFirstHealthy.TotalMilliseconds:F0} ms after start.");
        using var client = server.CreateClient();

        foreach (var (path, expected) in new[] { ("health", HttpStatusCode.OK), ("api/v1/check-ins", HttpStatusCode.Unauthorized), ("openapi/v1.json", HttpStatusCode.OK) })
        {
            using var response = await client.GetAsync(path, cancellationToken);

            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("http", response.RequestMessage!.RequestUri!.Scheme);
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"/{path} sent Strict-Transport-Security over plain HTTP.");
        }
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_stops_the_server_with_exit_code_1()
    {
        // Port 1 on loopback refuses at once; for SQLite the "file" is a folder, which cannot be opened.
        var environment = TestDatabase.ProviderUnderTest == InnerAlly.Data.DatabaseProvider.Postgres
            ? new Dictionary<string, string?>
            {
                ["Database__Provider"] = "Postgres",
                ["ConnectionStrings__InnerAlly"] = "Host=127.0.0.1;Port=1;Username=x;Password=y;Timeout=2",
            }
            : new Dictionary<string, string?> { ["ConnectionStrings__InnerAlly"] = $"Data Source={Path.GetTempPath()}" };

        var result = await AppProcess.RunAsync(["--urls", "http://127.0.0.1:0"], database: null, environment, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("could not be prepared", result.AllOutput, StringComparison.Ordinal);
    }
}
