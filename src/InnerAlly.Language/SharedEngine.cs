namespace InnerAlly.Language;

/// <summary>
/// One language engine per process: it holds the embedding model (about 250 MB), so every host,
/// command and test host in the process shares it, and it loads on first use.
/// </summary>
public static class SharedEngine
{
    private static readonly Lazy<LanguageEngine> Engine = new(() => LanguageEngine.Load(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static LanguageEngine Instance => Engine.Value;

    public static bool IsLoaded => Engine.IsValueCreated;
}
