namespace InnerAlly.Features.Safety;

public static class SafetyFeature
{
    /// <summary>The support notice and crisis lines, and the follow-up every save of free text calls.</summary>
    public static IServiceCollection AddSafety(this IServiceCollection services)
    {
        services.AddSingleton<SafetySupport>();
        services.AddSingleton<SafetyFollowUp>();
        services.AddContent<SafetyPlanGuide>("Safety");
        // The crisis lines, support words and countries are read by SafetySupport itself.
        services.AddContentCheck("Safety", sp => sp.GetRequiredService<SafetySupport>());
        return services;
    }
}
