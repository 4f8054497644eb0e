using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Data;
using InnerAlly.Features.Clinics;
using InnerAlly.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Features.CareTeam;

/// <summary>
/// A clinic with an admin and a therapist, and clients who accepted the therapist's code, all made
/// through the API people use (the clinic itself from the create-clinic verb's own handler).
/// </summary>
public sealed class CareTeamSetup(InnerAllyFactory factory)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public sealed record ClinicPlace(string Slug, HttpClient Admin, HttpClient Therapist, string TherapistEmail, string AdminEmail);

    public sealed record Client(HttpClient Http, Guid RelationshipId, string Email);

    /// <summary>A new clinic; its first admin, and a therapist the admin invited, have both joined.</summary>
    public async Task<ClinicPlace> ClinicAsync(string therapistName = "Dr Sam Rivera")
    {
        var adminEmail = InnerAllyFactory.NewEmail();
        var admin = await factory.CreateClientForNewPersonAsync(adminEmail);
        await using var scope = factory.Services.CreateAsyncScope();
        var created = await CreateClinic.HandleAsync(
            new CreateClinic.Request($"Harbour {Guid.NewGuid():N}"[..20], adminEmail, Slug: null, "Europe/London"),
            scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<StaffInvitationMail>(), scope.ServiceProvider.GetRequiredService<TimeProvider>(), Cancel);
        var adminToken = created.JoinPath["/clinic/join/".Length..];
        await Ok(await admin.PostAsJsonAsync("/api/v1/clinics/invitations/accept", new { token = adminToken, displayName = "Alex Admin" }, Cancel));
        var therapistEmail = InnerAllyFactory.NewEmail();
        var therapist = await factory.CreateClientForNewPersonAsync(therapistEmail);
        var invited = await Ok(await admin.PostAsJsonAsync($"/api/v1/clinics/{created.Clinic.Slug}/invitations", new { email = therapistEmail, role = "therapist" }, Cancel));
        var token = invited.GetProperty("joinPath").GetString()!["/clinic/join/".Length..];
        await Ok(await therapist.PostAsJsonAsync("/api/v1/clinics/invitations/accept", new { token, displayName = therapistName }, Cancel));
        return new ClinicPlace(created.Clinic.Slug, admin, therapist, therapistEmail, adminEmail);
    }

    /// <summary>One more therapist of the clinic, invited by its admin; their client and email.</summary>
    public async Task<(HttpClient Therapist, string Email)> TherapistAsync(ClinicPlace clinic, string name)
    {
        var email = InnerAllyFactory.NewEmail();
        var therapist = await factory.CreateClientForNewPersonAsync(email);
        var invited = await Ok(await clinic.Admin.PostAsJsonAsync($"/api/v1/clinics/{clinic.Slug}/invitations", new { email, role = "therapist" }, Cancel));
        var token = invited.GetProperty("joinPath").GetString()!["/clinic/join/".Length..];
        await Ok(await therapist.PostAsJsonAsync("/api/v1/clinics/invitations/accept", new { token, displayName = name }, Cancel));
        return (therapist, email);
    }

    /// <summary>The therapist's new code, as the answer gives it (ABCD-EFGH).</summary>
    public static async Task<string> CodeAsync(HttpClient therapist)
    {
        var invited = await Ok(await therapist.PostAsJsonAsync("/api/v1/invitations", new { }, Cancel));
        return invited.GetProperty("code").GetString()!;
    }

    /// <summary>A new person who accepts the therapist's code, sharing what is named ("check-in-ratings", or "check-in-ratings+" to include what came before).</summary>
    public async Task<Client> ClientAsync(HttpClient therapist, params string[] sharing)
    {
        var email = InnerAllyFactory.NewEmail();
        var http = await factory.CreateClientForNewPersonAsync(email);
        var code = await CodeAsync(therapist);
        var accepted = await Ok(await http.PostAsJsonAsync("/api/v1/invitations/accept", new { code, clientName = "Jo", sharing = Choices(sharing) }, Cancel));
        return new Client(http, accepted.GetProperty("id").GetGuid(), email);
    }

    public static object[] Choices(params string[] sharing) =>
        [.. sharing.Select(s => new { category = s.TrimEnd('+'), includingEarlier = s.EndsWith('+') })];

    public static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
