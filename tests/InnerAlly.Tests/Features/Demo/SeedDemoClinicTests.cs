using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Features.Demo;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Demo;

/// <summary>The demo clinic: its therapist signs in and finds every client on the caseload, sharing everything; running it again replaces it.</summary>
public sealed class SeedDemoClinicTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_therapist_finds_each_client_sharing_their_days_questionnaires_and_practices_and_a_second_run_replaces_them()
    {
        var options = new SeedDemoClinic.Options(Clients: 3, Days: 20, Questionnaires: 4, Practices: 6);
        await SeedDemoClinic.SeedAsync(factory.Services, options, Cancel);
        await SeedDemoClinic.SeedAsync(factory.Services, options, Cancel);

        var therapist = factory.CreateClient();
        var login = await therapist.PostAsJsonAsync("/api/v1/account/login", new { email = SeedDemoClinic.TherapistEmail, password = SeedDemoClinic.Password }, Cancel);
        login.EnsureSuccessStatusCode();
        therapist.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<InnerAllyFactory.TokenResponse>(Cancel))!.AccessToken);
        var caseload = await therapist.GetFromJsonAsync<JsonElement>("/api/v1/caseload", Cancel);

        var clients = caseload.GetProperty("clients").EnumerateArray().ToList();
        Assert.Equal(["Client 1", "Client 2", "Client 3"], clients.Select(c => c.GetProperty("clientName").GetString()).Order(StringComparer.Ordinal));
        Assert.All(clients, c =>
        {
            Assert.InRange(c.GetProperty("checkIns").GetProperty("count").GetInt32(), 14, 15);
            Assert.Equal(2, c.GetProperty("questionnaires").GetArrayLength());
            Assert.NotEqual(JsonValueKind.Null, c.GetProperty("practices").ValueKind);
        });
        var one = await therapist.GetFromJsonAsync<JsonElement>($"/api/v1/caseload/{clients[0].GetProperty("id").GetGuid()}", Cancel);
        Assert.Equal(20, one.GetProperty("checkIns").GetArrayLength());
        Assert.Equal(4, one.GetProperty("questionnaires").GetArrayLength());
        Assert.Equal(6, one.GetProperty("practices").GetArrayLength());
    }
}
