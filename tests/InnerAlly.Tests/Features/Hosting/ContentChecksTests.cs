using InnerAlly.Infrastructure;
using InnerAlly.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Features.Hosting;

/// <summary>A content file someone broke stops the app as it starts, whichever folder it is in, and says which file.</summary>
public sealed class ContentChecksTests
{
    private static readonly string ShippedContent = Path.Combine(Path.GetDirectoryName(AppProcess.AppDll)!, "Content");

    /// <summary>Folders whose files of one kind are read as a set (every *.yaml in Practices): one broken file stands for the rest.</summary>
    private static readonly (string Folder, string Extension)[] ReadAsASet = [("Instruments", ".json"), ("Lessons", ".md"), ("Practices", ".yaml")];

    /// <summary>
    /// Every file the app ships under Content/, except that a folder read as a set is represented by
    /// its first file. A new folder or file that no check reads fails here, because breaking it does
    /// not stop the app.
    /// </summary>
    public static TheoryData<string> ShippedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var group in Directory.GetFiles(ShippedContent, "*", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(ShippedContent, f))
                     .Order(StringComparer.Ordinal)
                     .GroupBy(f => ReadAsASet.Contains((Path.GetDirectoryName(f)!, Path.GetExtension(f))) ? Path.GetDirectoryName(f) + "/*" + Path.GetExtension(f) : f))
        {
            // The course's reference list is a page of its own, not a lesson.
            data.Add(group.First(f => Path.GetFileName(f) != "REFERENCES.md"));
        }

        return data;
    }

    [Fact]
    public void Every_content_folder_is_read_by_a_check_that_runs_as_the_app_starts()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddInnerAlly();
        var checks = builder.Services.Where(d => d.ServiceType == typeof(ContentCheck)).Select(d => (ContentCheck)d.ImplementationInstance!).ToList();

        var folders = Directory.GetDirectories(ShippedContent).Select(d => Path.GetFileName(d)!);

        Assert.Equal(folders.Order(StringComparer.Ordinal), checks.Select(c => c.Folder).Distinct().Order(StringComparer.Ordinal));
        using var services = builder.Services.BuildServiceProvider();
        ContentChecks.RunAll(services);
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public async Task A_broken_content_file_stops_the_app_at_start_with_the_file_named(string file)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var copy = Directory.CreateTempSubdirectory("innerally-content-");
        try
        {
            var dll = CopyOfTheApp(copy.FullName);
            await File.WriteAllTextAsync(Path.Combine(copy.FullName, "Content", file), Broken(file), cancellationToken);

            var result = await AppProcess.RunAsync(["--urls", "http://127.0.0.1:0"], database: null, appDll: dll, cancellationToken: cancellationToken);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains(Path.Combine("Content", file), result.AllOutput, StringComparison.Ordinal);
            Assert.Contains("InnerAlly cannot start", result.AllOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", result.AllOutput, StringComparison.Ordinal);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    /// <summary>What a slip of the keyboard leaves behind, in each format the folders use.</summary>
    private static string Broken(string file) => Path.GetExtension(file) switch
    {
        ".json" => """{ "unfinished": [ """,
        ".yaml" => "title: [an unclosed list\nsteps: {",
        ".md" => "---\ntitle: [an unclosed list\n---\n\nThe lesson.\n",
        var other => throw new InvalidOperationException($"No way to break a '{other}' file yet: say here what a broken one looks like."),
    };

    /// <summary>
    /// A deployment of its own: the app's files linked from the build output, and a copy of Content/
    /// that this test may break. The app finds Content/ beside its own InnerAlly.dll, so that is copied too.
    /// </summary>
    private static string CopyOfTheApp(string target)
    {
        var built = Path.GetDirectoryName(AppProcess.AppDll)!;
        string[] copied = ["InnerAlly.dll", "InnerAlly.deps.json", "InnerAlly.runtimeconfig.json"];
        foreach (var entry in Directory.EnumerateFileSystemEntries(built))
        {
            var name = Path.GetFileName(entry);
            var into = Path.Combine(target, name);
            if (name == "Content")
            {
                CopyFolder(entry, into);
            }
            else if (copied.Contains(name))
            {
                File.Copy(entry, into);
            }
            else
            {
                File.CreateSymbolicLink(into, entry);
            }
        }

        return Path.Combine(target, "InnerAlly.dll");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var into = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(into)!);
            File.Copy(file, into);
        }
    }
}
