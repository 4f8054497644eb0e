namespace InnerAlly.Features.Safety;

public static class SafetyFeature
{
    /// <summary>The support notice and crisis lines, and the follow-up every save of free text calls.</summary>
    public static IServiceCollection AddSafety(this IServiceCollection services)
    {
        services.AddSingleton<SafetyFollowUp>();
        services.AddContent<SafetyPlanGuide>("Safety");
        services.AddContent<Countries>("Safety");
        services.AddContent<CrisisLines>("Safety");
        services.AddContent<SafetySupport>("Safety");
        return services;
    }
}
