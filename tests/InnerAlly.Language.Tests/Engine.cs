namespace InnerAlly.Language.Tests;

/// <summary>One engine for the whole test run: loading the model once is what the product does too.</summary>
public static class Engine
{
    private static readonly Lazy<LanguageEngine> Loaded = new(() => LanguageEngine.Load());

    public static LanguageEngine Instance => Loaded.Value;

    public static string LanguageData(string folder) =>
        Path.Combine(AppContext.BaseDirectory, "LanguageData", folder);
}
