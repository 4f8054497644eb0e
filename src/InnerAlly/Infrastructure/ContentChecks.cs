namespace InnerAlly.Infrastructure;

/// <summary>
/// Reading one folder of Content/ (and a clinic's own folder beside it, where there is one). Every
/// check runs as the app starts, so a file someone broke stops the app there, with the file and the
/// problem named, and never reaches a person (a wrong scoring rule, a practice whose steps do not
/// add up, a crisis line without a number).
/// </summary>
/// <param name="Folder">The folder under Content/ that the check reads.</param>
public sealed record ContentCheck(string Folder, Action<IServiceProvider> Read);

/// <summary>A content file that cannot be used; the message names the file and what is wrong with it.</summary>
public sealed class ContentProblemException(string folder, Exception cause)
    : Exception($"InnerAlly cannot start: a file in Content/{folder} (or a clinic's folder for it) needs fixing. {cause.Message}", cause)
{
    public string Folder { get; } = folder;
}

public static class ContentChecks
{
    /// <summary>A feature's content, checked at start.</summary>
    public static IServiceCollection AddContentCheck(this IServiceCollection services, string folder, Action<IServiceProvider> read) =>
        services.AddSingleton(new ContentCheck(folder, read));

    /// <summary>
    /// A catalogue of <paramref name="folder"/>'s files: one for the app, reached by injection, and
    /// made by the folder's check as the app starts, so a broken file stops it there.
    /// </summary>
    public static IServiceCollection AddContent<T>(this IServiceCollection services, string folder)
        where T : class =>
        services.AddSingleton<T>().AddContentCheck(folder, sp => sp.GetRequiredService<T>());

    /// <summary>As <see cref="AddContent{T}(IServiceCollection, string)"/>, for a catalogue made from settings (a clinic's own folder).</summary>
    public static IServiceCollection AddContent<T>(this IServiceCollection services, string folder, Func<IServiceProvider, T> load)
        where T : class =>
        services.AddSingleton(load).AddContentCheck(folder, sp => sp.GetRequiredService<T>());

    /// <summary>Runs every feature's check; the first problem found stops the app with a <see cref="ContentProblemException"/>.</summary>
    public static void RunAll(IServiceProvider services)
    {
        foreach (var check in services.GetServices<ContentCheck>())
        {
            try
            {
                check.Read(services);
            }
            catch (Exception e)
            {
                throw new ContentProblemException(check.Folder, e);
            }
        }
    }
}
