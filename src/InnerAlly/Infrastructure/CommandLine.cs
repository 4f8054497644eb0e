namespace InnerAlly.Infrastructure;

/// <summary>
/// A verb, when there is one, is the first argument and is a plain lower-case word; everything
/// else (--urls, --Key=value, key=value) is left for ASP.NET Core's configuration.
/// </summary>
public static class CommandLine
{
    public const string SeedDemo = "seed-demo";
    public const string SeedDemoClinic = "seed-demo-clinic";
    public const string Migrate = "migrate";
    public const string CreateClinic = "create-clinic";
    public const string VerifyCareAudit = "verify-care-audit";
    public const string ExportClientRecord = "export-client-record";

    public static readonly IReadOnlyList<string> Verbs = [SeedDemo, SeedDemoClinic, Migrate, CreateClinic, VerifyCareAudit, ExportClientRecord, .. Language.Commands.LanguageCommands.Verbs];

    public static (string? Verb, string[] HostArgs) Split(string[] args)
    {
        if (args.Length == 0 || !IsVerbShaped(args[0]))
        {
            return (null, args);
        }

        return (args[0], args[1..]);
    }

    /// <summary>
    /// A verb's own options (--name "Harbour Therapy"), taken out of the arguments; the rest are
    /// left for the host. An option named twice keeps its last value.
    /// </summary>
    public static (IReadOnlyDictionary<string, string> Options, string[] HostArgs) TakeOptions(string[] args, IReadOnlyCollection<string> names)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : null;
            if (name is not null && names.Contains(name) && i + 1 < args.Length)
            {
                options[name] = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (options, [.. rest]);
    }

    private static bool IsVerbShaped(string arg) =>
        arg.Length > 0 && char.IsAsciiLetterLower(arg[0]) && arg.All(c => char.IsAsciiLetterLower(c) || c == '-');

    public const string Usage = """
        Usage: InnerAlly [verb] [options]

        With no verb, InnerAlly serves the web app. Verbs:
          seed-demo   create (or refresh) a demo account with 90 days of check-ins
          seed-demo-clinic  a demo clinic whose therapist has clients sharing everything:
                      seed-demo-clinic [--clients 12] [--days 90] [--questionnaires 6] [--practices 40]
          migrate     apply database migrations and exit
          create-clinic  make a clinic and print a one-time link for its first admin:
                      create-clinic --name "Harbour Therapy" --admin-email sam@example.org [--slug ...] [--time-zone Europe/London]
          verify-care-audit  check that no row of the record of therapists' looks has been changed or removed
          export-client-record  a clinic's session notes about one client, as JSON, for a subject access request:
                      export-client-record --clinic harbour-therapy --email jo@example.org [--out record.json]
          analyze     read JSON Lines {"id", "text"} on stdin, write the language engine's analysis per line
          evaluate    measure the language engine (thinking traps, risk, self-criticism, robustness)
          train-language  retrain the language engine's heads from src/InnerAlly.Language/Training
          tune-layer  fine-tune MiniLM's top layer on the risk training lines (then train-language)

        "InnerAlly <verb> --help" explains a verb.

        Options are ASP.NET Core's own, for example:
          --urls http://127.0.0.1:5080
          --Database:Provider=Postgres --ConnectionStrings:InnerAlly="Host=...;Database=...;Username=...;Password=..."
        """;
}
