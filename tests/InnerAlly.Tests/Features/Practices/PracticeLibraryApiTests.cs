using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Practices;

public sealed class PracticeLibraryApiTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    [Fact]
    public async Task The_library_lists_each_practice_with_its_systems_and_lengths()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/practices", TestContext.Current.CancellationToken);

        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 12);
        var breathing = items.Single(i => i.GetProperty("id").GetString() == "soothing-rhythm-breathing");
        Assert.Equal("Soothing rhythm breathing", breathing.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(breathing.GetProperty("summary").GetString()));
        Assert.Contains("soothe", breathing.GetProperty("systems").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal([3, 5, 10], breathing.GetProperty("lengths").EnumerateArray().Select(l => l.GetInt32()));
    }

    [Fact]
    public async Task A_practice_comes_with_steps_that_fill_its_length()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/practices/loving-kindness?minutes=3", TestContext.Current.CancellationToken);

        Assert.Equal("loving-kindness", body.GetProperty("id").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("whenHard").GetString()));
        var steps = body.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(180, steps.Sum(s => s.GetProperty("durationSeconds").GetInt32()));
        Assert.All(steps, s => Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("text").GetString())));
        var versions = body.GetProperty("versions").EnumerateArray().ToList();
        Assert.All(versions, v => Assert.Equal(
            v.GetProperty("minutes").GetInt32() * 60,
            v.GetProperty("steps").EnumerateArray().Sum(s => s.GetProperty("durationSeconds").GetInt32())));
    }

    [Fact]
    public async Task Without_minutes_the_five_minute_version_is_given()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var body = await client.GetFromJsonAsync<JsonElement>("/api/v1/practices/safe-place", TestContext.Current.CancellationToken);

        Assert.Equal(5, body.GetProperty("defaultLength").GetInt32());
        Assert.Equal(300, body.GetProperty("steps").EnumerateArray().Sum(s => s.GetProperty("durationSeconds").GetInt32()));
    }

    [Fact]
    public async Task An_unknown_practice_is_404_and_a_length_it_does_not_have_is_400()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var unknown = await client.GetAsync("/api/v1/practices/juggling", TestContext.Current.CancellationToken);
        var badLength = await client.GetAsync("/api/v1/practices/safe-place?minutes=7", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLength.StatusCode);
        Assert.Equal("application/problem+json", badLength.Content.Headers.ContentType?.MediaType);
        var problem = await badLength.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty("minutes", out _));
    }

    [Fact]
    public async Task The_library_needs_a_token()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/practices", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
