namespace InnerAlly.Infrastructure;

/// <summary>
/// Reading one folder of Content/ (and a clinic's own folder beside it, where there is one). Every
/// check runs as the app starts, so a file someone broke stops the app there, with the file and the
/// problem named, and never reaches a person (a wrong scoring rule, a practice whose steps do not
/// add up, a crisis line without a number).
/// </summary>
/// <param name="Folder">The folder under Content/ that the check reads.</param>
public sealed record ContentCheck(string Folder, Action<IServiceProvider> Read);

public static class ContentChecks
{
    /// <summary>A feature's content, checked at start.</summary>
    public static IServiceCollection AddContentCheck(this IServiceCollection services, string folder, Action<IServiceProvider> read) =>
        services.AddSingleton(new ContentCheck(folder, read));

    /// <summary>Runs every feature's check; the first problem found stops the app.</summary>
    public static void RunAll(IServiceProvider services)
    {
        foreach (var check in services.GetServices<ContentCheck>())
        {
            check.Read(services);
        }
    }
}
