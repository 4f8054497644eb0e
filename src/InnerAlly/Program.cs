using InnerAlly.Features.CareTeam;
using InnerAlly.Features.Clinics;
using InnerAlly.Features.Demo;
using InnerAlly.Features.SessionNotes;
using InnerAlly.Language.Commands;

if (args is ["--help"] or ["-h"] or ["help"])
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

var (verb, hostArgs) = CommandLine.Split(args);
if (verb is not null && LanguageCommands.Verbs.Contains(verb))
{
    // The language verbs need neither the database nor the web host.
    return await LanguageCommands.RunAsync(verb, hostArgs);
}

if (verb is not null && !CommandLine.Verbs.Contains(verb))
{
    await Console.Error.WriteLineAsync($"Unknown command '{verb}'.\n\n{CommandLine.Usage}");
    return 2;
}

IReadOnlyDictionary<string, string> verbOptions = new Dictionary<string, string>();
if (verb == CommandLine.CreateClinic)
{
    (verbOptions, hostArgs) = CommandLine.TakeOptions(hostArgs, ["name", "admin-email", "slug", "time-zone"]);
}
else if (verb == CommandLine.SeedDemoClinic)
{
    (verbOptions, hostArgs) = CommandLine.TakeOptions(hostArgs, ["clients", "days", "questionnaires", "practices"]);
}
else if (verb == CommandLine.ExportClientRecord)
{
    (verbOptions, hostArgs) = CommandLine.TakeOptions(hostArgs, ["clinic", "email", "out"]);
}

var builder = WebApplication.CreateBuilder(hostArgs);
builder.AddInnerAlly();
if (verb == CommandLine.ExportClientRecord)
{
    // The record is this verb's output on stdout (to pipe into a file); every log line goes to stderr.
    builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
}

var app = builder.Build();

if (verb is not null)
{
    // Verbs use the same configuration and database as the server, without listening on a port.
    var clock = app.Services.GetRequiredService<TimeProvider>();
    var logger = app.Services.GetRequiredService<ILogger<Program>>();
    await DatabaseStartup.PrepareAsync(app.Services, clock, logger, CancellationToken.None);
    if (verb == CommandLine.SeedDemo)
    {
        var result = await SeedDemo.RunAsync(app.Services, CancellationToken.None);
        Console.WriteLine(result);
    }
    else if (verb == CommandLine.CreateClinic)
    {
        return await CreateClinic.RunAsync(app.Services, verbOptions, Console.Out, Console.Error, CancellationToken.None);
    }
    else if (verb == CommandLine.SeedDemoClinic)
    {
        Console.WriteLine(await SeedDemoClinic.RunAsync(app.Services, verbOptions, CancellationToken.None));
    }
    else if (verb == CommandLine.VerifyCareAudit)
    {
        return await VerifyCareAudit.RunAsync(app.Services, Console.Out, CancellationToken.None);
    }
    else if (verb == CommandLine.ExportClientRecord)
    {
        return await ExportClientRecord.RunAsync(app.Services, verbOptions, Console.Out, Console.Error, CancellationToken.None);
    }

    return 0;
}

try
{
    app.UseInnerAlly();
}
catch (ContentProblemException problem) when (System.Reflection.Assembly.GetEntryAssembly() == typeof(ContentProblemException).Assembly)
{
    // Only when InnerAlly is the program itself: a host around it (the tests' factory) sees the exception.
    // A person should never meet a half-read practice or a crisis line without a number: say which file and stop.
    await Console.Error.WriteLineAsync(problem.Message);
    return 1;
}
var database = app.Services.GetServices<IHostedService>().OfType<DatabaseStartup>().Single();
await app.RunAsync();

// A database that could not be prepared stops the app; say so to whatever started it.
return database.Ready.IsFaulted ? 1 : 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
