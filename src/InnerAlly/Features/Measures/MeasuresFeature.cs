using InnerAlly.Features.Calendar;

namespace InnerAlly.Features.Measures;

public static class MeasuresFeature
{
    /// <summary>Our questionnaires ship in Content/Instruments; a clinic's folder (Measures:InstrumentsFolder) adds its own. Their reminders travel in the calendar feed.</summary>
    public static IServiceCollection AddMeasures(this IServiceCollection services)
    {
        services.AddOptions<MeasuresOptions>().BindConfiguration(MeasuresOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddContent("Instruments", sp => new InstrumentCatalog(InstrumentCatalog.Folders(sp.GetRequiredService<IOptions<MeasuresOptions>>().Value)));
        services.AddContent("Measures", _ => MeasureWords.Load());
        services.AddCalendarSource<MeasureReminderEvents>();
        return services;
    }
}
