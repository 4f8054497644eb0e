using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Features.CareTeam;
using InnerAlly.Tests.Infrastructure;
using static InnerAlly.Tests.Features.CareTeam.CareTeamSetup;

namespace InnerAlly.Tests.Features.SessionNotes;

/// <summary>A clinic with a therapist and one client, and the calls the session notes tests make.</summary>
public static class SessionNoteSetup
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public const string Url = "/api/v1/session-notes";

    public sealed record Place(CareTeamSetup.ClinicPlace Clinic, CareTeamSetup.Client Client);

    public static async Task<Place> PlaceAsync(InnerAllyFactory factory)
    {
        var setup = new CareTeamSetup(factory);
        var clinic = await setup.ClinicAsync();
        // Sharing nothing: the notes are the clinic's record and do not depend on what the client shares.
        var client = await setup.ClientAsync(clinic.Therapist);
        return new Place(clinic, client);
    }

    public static object Body(Guid client, string workedOn, string? risk = null, string kind = "session", int minutes = 50, string sessionDate = "2026-12-03") =>
        new { client, sessionDate, minutes, kind, workedOn, practicesUsed = "Soothing rhythm breathing.", nextSteps = "Three minutes of breathing each morning.", risk };

    public static async Task<JsonElement> WriteAsync(HttpClient therapist, Guid client, string workedOn) =>
        await Ok(await therapist.PostAsJsonAsync(Url, Body(client, workedOn), Cancel));

    /// <summary>A fresh bearer token for someone already registered, as signing in again gives one.</summary>
    public static async Task<HttpClient> SignInAgainAsync(InnerAllyFactory factory, string email)
    {
        var client = factory.CreateClient();
        var login = await Ok(await client.PostAsJsonAsync("/api/v1/account/login", new { email, password = InnerAllyFactory.GoodPassword }, Cancel));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        return client;
    }
}
