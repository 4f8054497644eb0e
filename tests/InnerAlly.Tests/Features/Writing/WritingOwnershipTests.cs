using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;
using static InnerAlly.Tests.Features.Writing.WritingSamples;

namespace InnerAlly.Tests.Features.Writing;

/// <summary>
/// The authorization matrix for everything a person writes (journal, critic-to-ally records,
/// letters, ally cards): the owner reads, lists, changes and deletes; anyone else gets 404 and
/// never the words; nobody signed out gets anything.
/// </summary>
public sealed class WritingOwnershipTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private async Task<(HttpClient Owner, HttpClient Other, Guid Id)> ArrangeAsync(string url)
    {
        var owner = await factory.CreateClientForNewPersonAsync();
        var other = await factory.CreateClientForNewPersonAsync();
        var (id, _) = await CreateAsync(owner, url, Brief(url, "private words"));
        return (owner, other, id);
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(WritingSamples))]
    public async Task Owner_can_get_and_list_it(string url)
    {
        var (owner, _, id) = await ArrangeAsync(url);

        var item = await owner.GetFromJsonAsync<JsonElement>($"{url}/{id}", Cancel);
        var list = await owner.GetFromJsonAsync<JsonElement>(url, Cancel);

        Assert.Equal("private words", BriefText(url, item));
        Assert.False(item.TryGetProperty("safety", out _));
        Assert.False(item.TryGetProperty("analysis", out _));
        Assert.Equal([id], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(WritingSamples))]
    public async Task Other_person_gets_404_and_never_the_words(string url)
    {
        var (_, other, id) = await ArrangeAsync(url);

        var response = await other.GetAsync($"{url}/{id}", Cancel);
        var list = await other.GetFromJsonAsync<JsonElement>(url, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("private words", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(ChangeableKinds), MemberType = typeof(WritingSamples))]
    public async Task Other_person_cannot_change_it_and_it_stays_as_written(string url)
    {
        var (owner, other, id) = await ArrangeAsync(url);

        var response = await other.PutAsJsonAsync($"{url}/{id}", Brief(url, "someone else's words"), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("private words", BriefText(url, await owner.GetFromJsonAsync<JsonElement>($"{url}/{id}", Cancel)));
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(WritingSamples))]
    public async Task Other_person_cannot_delete_it(string url)
    {
        var (owner, other, id) = await ArrangeAsync(url);

        var response = await other.DeleteAsync($"{url}/{id}", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"{url}/{id}", Cancel)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(WritingSamples))]
    public async Task Owner_can_delete_it_and_then_it_is_gone(string url)
    {
        var (owner, _, id) = await ArrangeAsync(url);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"{url}/{id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"{url}/{id}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync($"{url}/{id}", Cancel)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(WritingSamples))]
    public async Task Unknown_id_is_404(string url)
    {
        var (owner, _, _) = await ArrangeAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"{url}/{Guid.NewGuid()}", Cancel)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(WritingSamples))]
    public async Task Signed_out_callers_get_401_and_nothing_is_saved(string url)
    {
        var (owner, _, id) = await ArrangeAsync(url);
        var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(url, Brief(url, "hello"), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{url}/{id}", Cancel)).StatusCode);
        Assert.Equal(
            url == AllyCardsUrl ? HttpStatusCode.MethodNotAllowed : HttpStatusCode.Unauthorized,
            (await anonymous.PutAsJsonAsync($"{url}/{id}", Brief(url, "hello"), Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"{url}/{id}", Cancel)).StatusCode);
        Assert.Equal(1, (await owner.GetFromJsonAsync<JsonElement>(url, Cancel)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Ally_cards_cannot_be_changed()
    {
        var (owner, _, id) = await ArrangeAsync(AllyCardsUrl);

        var response = await owner.PutAsJsonAsync($"{AllyCardsUrl}/{id}", Brief(AllyCardsUrl, "changed"), Cancel);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("private words", BriefText(AllyCardsUrl, await owner.GetFromJsonAsync<JsonElement>($"{AllyCardsUrl}/{id}", Cancel)));
    }
}
