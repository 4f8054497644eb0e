namespace InnerAlly.Features.Demo;

public static class DemoFeature
{
    /// <summary>The seed-demo command's notes are content like any other, so a broken file is found as the app starts, not when someone runs the command.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services) =>
        services.AddContentCheck("Demo", _ => SeedDemo.LoadNotes());
}
