using InnerAlly.Features.SessionNotes;

namespace InnerAlly.Features.CareTeam;

public static class CareTeamFeature
{
    /// <summary>Therapists and their clients: invitations by code, the one sharing rule, and the record of every look.</summary>
    public static IServiceCollection AddCareTeam(this IServiceCollection services) =>
        services.AddScoped<ClientInvitationMail>().AddScoped<CareAccess>().AddSingleton<CareContent>();

    public static void MapCareTeamApi(this IEndpointRouteBuilder app)
    {
        app.MapCareTeam();
        app.MapCaseload();
        app.MapSessionNotes();
    }
}
