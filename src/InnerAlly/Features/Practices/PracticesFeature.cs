using InnerAlly.Features.Calendar;

namespace InnerAlly.Features.Practices;

public static class PracticesFeature
{
    /// <summary>The practice library and its groups; the weekly rhythm's reminders: in the calendar feed, and by email for those who ask.</summary>
    public static IServiceCollection AddPractices(this IServiceCollection services)
    {
        services.AddHostedService<PracticeReminderService>();
        services.AddCalendarSource<PracticeRhythmEvents>();
        services.AddContent<PracticeCatalog>("Practices");
        services.AddContent<PracticeGroups>("Practices");
        return services;
    }
}
