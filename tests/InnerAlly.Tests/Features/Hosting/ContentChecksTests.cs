using InnerAlly.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Features.Hosting;

/// <summary>A content file someone broke stops the app as it starts, whichever folder it is in.</summary>
public sealed class ContentChecksTests
{
    /// <summary>Read only by the seed-demo command, which stops with the file named when it is wrong.</summary>
    private static readonly string[] NotServed = ["Demo"];

    [Fact]
    public void Every_content_folder_is_read_by_a_check_that_runs_as_the_app_starts()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddInnerAlly();
        var checks = builder.Services.Where(d => d.ServiceType == typeof(ContentCheck)).Select(d => (ContentCheck)d.ImplementationInstance!).ToList();

        var folders = Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "Content")).Select(d => Path.GetFileName(d)!).Except(NotServed);

        Assert.Equal(folders.Order(StringComparer.Ordinal), checks.Select(c => c.Folder).Distinct().Order(StringComparer.Ordinal));
        using var services = builder.Services.BuildServiceProvider();
        ContentChecks.RunAll(services);
    }
}
