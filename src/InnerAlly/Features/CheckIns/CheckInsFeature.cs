namespace InnerAlly.Features.CheckIns;

public static class CheckInsFeature
{
    /// <summary>The check-in's JSON is written by a source generator (CheckInJson), the quickest path for the most used endpoint.</summary>
    public static IServiceCollection AddCheckIns(this IServiceCollection services) =>
        services
            .ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, CheckInJson.Default))
            .AddContent<EmotionCatalog>("CheckIns");
}
