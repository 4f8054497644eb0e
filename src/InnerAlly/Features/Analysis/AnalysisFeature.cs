namespace InnerAlly.Features.Analysis;

public static class AnalysisFeature
{
    /// <summary>The language engine behind every read of what a person writes: its budget per person, the risk check, and its warm-up.</summary>
    public static IServiceCollection AddAnalysis(this IServiceCollection services)
    {
        services.AddSingleton<LanguageBudget>();
        services.AddSingleton<RiskCheck>();
        services.AddHostedService<LanguageEngineWarmUp>();
        return services;
    }
}
