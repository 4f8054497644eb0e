using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.CheckIns;

/// <summary>Someone else's check-in answers 404, never their data.</summary>
public sealed class CheckInOwnershipTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private async Task<(HttpClient Owner, HttpClient Other, Guid Id)> ArrangeAsync()
    {
        var owner = await factory.CreateClientForNewPersonAsync();
        var other = await factory.CreateClientForNewPersonAsync();
        var created = await owner.PostAsJsonAsync("/api/v1/check-ins", new { threat = 8, drive = 2, soothe = 1, note = "private words" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (owner, other, id);
    }

    [Fact]
    public async Task Owner_can_get_their_check_in()
    {
        var (owner, _, id) = await ArrangeAsync();

        var response = await owner.GetAsync($"/api/v1/check-ins/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Other_person_gets_404_for_a_check_in_that_is_not_theirs()
    {
        var (_, other, id) = await ArrangeAsync();

        var response = await other.GetAsync($"/api/v1/check-ins/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("private words", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_person_cannot_delete_a_check_in_that_is_not_theirs()
    {
        var (owner, other, id) = await ArrangeAsync();

        var response = await other.DeleteAsync($"/api/v1/check-ins/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/check-ins/{id}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Other_persons_list_does_not_include_it()
    {
        var (_, other, _) = await ArrangeAsync();

        var list = await other.GetFromJsonAsync<JsonElement>("/api/v1/check-ins", TestContext.Current.CancellationToken);

        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Owner_can_delete_and_then_it_is_gone()
    {
        var (owner, _, id) = await ArrangeAsync();

        var deleted = await owner.DeleteAsync($"/api/v1/check-ins/{id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/check-ins/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync($"/api/v1/check-ins/{id}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Unknown_id_is_404()
    {
        var (owner, _, _) = await ArrangeAsync();

        var response = await owner.GetAsync($"/api/v1/check-ins/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_and_delete_without_a_token_are_401()
    {
        var (_, _, id) = await ArrangeAsync();
        var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/check-ins/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"/api/v1/check-ins/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/check-ins", TestContext.Current.CancellationToken)).StatusCode);
    }
}
