namespace InnerAlly.Features.Writing;

public static class WritingFeature
{
    /// <summary>
    /// What every kind of writing shares: the follow-up after a save (the risk check, then what
    /// the engine noticed). One page writes a new item and changes an old one, so each kind's
    /// edit page also answers at its "new" address.
    /// </summary>
    public static IServiceCollection AddWriting(this IServiceCollection services)
    {
        services.AddSingleton<WritingFollowUp>();
        services.AddContent<WritingContent>("Writing");
        services.AddContent<Letters.LetterVariations>("Writing");
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AddPageRoute("/Journal/Edit", "/journal/new");
            o.Conventions.AddPageRoute("/AllyRecords/Edit", "/ally-records/new");
            o.Conventions.AddPageRoute("/Letters/Edit", "/letters/new");
        });
        return services;
    }
}
