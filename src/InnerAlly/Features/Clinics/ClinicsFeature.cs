namespace InnerAlly.Features.Clinics;

public static class ClinicsFeature
{
    /// <summary>Clinics and their staff: invitations by link, and the create-clinic verb's mail.</summary>
    public static IServiceCollection AddClinics(this IServiceCollection services) =>
        services.AddScoped<StaffInvitationMail>();
}
