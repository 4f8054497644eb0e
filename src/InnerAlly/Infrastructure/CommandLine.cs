namespace InnerAlly.Infrastructure;

/// <summary>
/// A verb, when there is one, is the first argument and is a plain lower-case word; everything
/// else (--urls, --Key=value, key=value) is left for ASP.NET Core's configuration.
/// </summary>
public static class CommandLine
{
    public const string SeedDemo = "seed-demo";
    public const string Migrate = "migrate";

    public static readonly IReadOnlyList<string> Verbs = [SeedDemo, Migrate, .. Language.Commands.LanguageCommands.Verbs];

    public static (string? Verb, string[] HostArgs) Split(string[] args)
    {
        if (args.Length == 0 || !IsVerbShaped(args[0]))
        {
            return (null, args);
        }

        return (args[0], args[1..]);
    }

    private static bool IsVerbShaped(string arg) =>
        arg.Length > 0 && char.IsAsciiLetterLower(arg[0]) && arg.All(c => char.IsAsciiLetterLower(c) || c == '-');

    public const string Usage = """
        Usage: InnerAlly [verb] [options]

        With no verb, InnerAlly serves the web app. Verbs:
          seed-demo   create (or refresh) a demo account with 90 days of check-ins
          migrate     apply database migrations and exit
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
