namespace InnerAlly.Features.Learn;

public static class LearnFeature
{
    /// <summary>The course ships in Content/Lessons; a clinic's own folder (Learn:LessonsFolder) adds lessons or replaces ours by slug.</summary>
    public static IServiceCollection AddLearn(this IServiceCollection services) =>
        services
            .AddContent("Lessons", sp => new LessonCatalog(new[]
            {
                Path.Combine(AppContext.BaseDirectory, "Content", "Lessons"),
                sp.GetRequiredService<IConfiguration>()["Learn:LessonsFolder"],
            }.OfType<string>()));
}
