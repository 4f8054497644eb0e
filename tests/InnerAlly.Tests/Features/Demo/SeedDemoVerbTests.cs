using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Features.CheckIns;
using InnerAlly.Features.Demo;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Demo;

/// <summary>`InnerAlly seed-demo`, run as an operator would, and then the server on the same database.</summary>
[Collection(AppProcesses.Collection)]
public sealed class SeedDemoVerbTests(ITestOutputHelper output)
{
    [Fact]
    public async Task After_seed_demo_the_demo_person_signs_in_and_sees_90_days_of_check_ins()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();

        var seeded = await AppProcess.RunAsync(["seed-demo"], database, cancellationToken: cancellationToken);

        Assert.True(seeded.ExitCode == 0, seeded.AllOutput);
        Assert.Contains(SeedDemo.Email, seeded.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(SeedDemo.Password, seeded.StandardOutput, StringComparison.Ordinal);

        await using var server = await AppProcess.StartServerAsync(database, cancellationToken: cancellationToken);
        output.WriteLine($"{database.Provider}: server healthy {server.TimeToFirstHealthy.TotalMilliseconds:F0} ms after start.");
        using var client = await server.CreateSignedInClientAsync(SeedDemo.Email, SeedDemo.Password, register: false, cancellationToken);
        var checkIns = await ReadAllAsync(client, cancellationToken);

        var now = DateTime.UtcNow;
        var times = checkIns.Select(c => c.GetProperty("recordedAt").GetDateTime()).ToList();
        var days = times.Select(t => t.Date).Distinct().Count();
        output.WriteLine($"{checkIns.Count} check-ins on {days} days, {times.Min():u} to {times.Max():u}. seed-demo said:\n{Summary(seeded.StandardOutput)}");
        Assert.InRange(checkIns.Count, 80, 180);
        Assert.All(times, t => Assert.InRange(t, now.AddDays(-SeedDemo.Days), now));
        Assert.True(times.Max() - times.Min() >= TimeSpan.FromDays(80), $"Check-ins span only {times.Max() - times.Min()}.");
        Assert.InRange(days, 60, SeedDemo.Days);
        Assert.All(times.GroupBy(t => t.Date), day => Assert.InRange(day.Count(), 1, 2));
        var emotions = new EmotionCatalog();
        Assert.All(checkIns.SelectMany(c => c.GetProperty("emotions").EnumerateArray()), e => Assert.True(emotions.IsKnown(e.GetString()!)));
        Assert.Contains(checkIns, c => c.GetProperty("note").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task Options_after_the_verb_reach_the_app_configuration()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();

        // No environment variables this time: the database is named only by options after the verb.
        var seeded = await AppProcess.RunAsync(
            [
                "seed-demo",
                "--urls", "http://127.0.0.1:9",
                $"--Database:Provider={database.Provider}",
                $"--ConnectionStrings:InnerAlly={database.ConnectionString}",
            ],
            database: null,
            cancellationToken: cancellationToken);

        Assert.True(seeded.ExitCode == 0, seeded.AllOutput);
        var demoAccounts = await database.QueryAsync(
            """SELECT COUNT(*) FROM "AspNetUsers" WHERE "NormalizedEmail" = @email""",
            r => r.GetInt64(0),
            new Dictionary<string, object> { ["@email"] = SeedDemo.Email.ToUpperInvariant() },
            cancellationToken);
        Assert.Equal(1, demoAccounts.Single());
    }

    private static string Summary(string standardOutput)
    {
        var start = standardOutput.IndexOf("Demo account", StringComparison.Ordinal);
        return start < 0 ? standardOutput : standardOutput[start..].TrimEnd();
    }

    private static async Task<List<JsonElement>> ReadAllAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var url = "api/v1/check-ins?limit=200" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            using var response = await client.GetAsync(url, cancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return items;
    }
}
