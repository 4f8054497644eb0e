using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.SessionNotes;

/// <summary>InnerAlly export-client-record as its own process: the record alone on stdout, so it can be piped to a file; the log goes to stderr.</summary>
public sealed class ExportClientRecordVerbTests
{
    [Fact]
    public async Task Stdout_holds_only_the_json_record_and_an_unknown_clinic_exits_1()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateMigratedAsync();
        var created = await AppProcess.RunAsync(["create-clinic", "--name", "Cedar Practice", "--admin-email", "lee@example.org", "--slug", "cedar-practice"], database, cancellationToken: cancellationToken);
        Assert.True(created.ExitCode == 0, created.AllOutput);

        var exported = await AppProcess.RunAsync(["export-client-record", "--clinic", "cedar-practice", "--email", "jo@example.org"], database, cancellationToken: cancellationToken);

        Assert.True(exported.ExitCode == 0, exported.AllOutput);
        var record = JsonDocument.Parse(exported.StandardOutput).RootElement;
        Assert.Equal("cedar-practice", record.GetProperty("clinicSlug").GetString());
        Assert.Equal("jo@example.org", record.GetProperty("email").GetString());
        Assert.Equal(0, record.GetProperty("sessionNotes").GetArrayLength());

        var unknown = await AppProcess.RunAsync(["export-client-record", "--clinic", "no-such-clinic", "--email", "jo@example.org"], database, cancellationToken: cancellationToken);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("There is no clinic with the short name 'no-such-clinic'.", unknown.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("no-such-clinic", unknown.StandardOutput, StringComparison.Ordinal);
    }
}
