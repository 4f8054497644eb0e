using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InnerAlly.Tests.Features.CheckIns;

public sealed class RecordCheckInApiTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    [Fact]
    public async Task Post_returns_201_with_location_and_the_fields()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.PostAsJsonAsync("/api/v1/check-ins",
            new { threat = 7, drive = 3, soothe = 2, emotions = new[] { "anxious", "calm" }, note = "A long day." }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/check-ins/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(7, body.GetProperty("threat").GetInt32());
        Assert.Equal(3, body.GetProperty("drive").GetInt32());
        Assert.Equal(2, body.GetProperty("soothe").GetInt32());
        Assert.Equal(["anxious", "calm"], body.GetProperty("emotions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("A long day.", body.GetProperty("note").GetString());
        var recordedAt = body.GetProperty("recordedAt").GetString()!;
        Assert.EndsWith("Z", recordedAt, StringComparison.Ordinal);
        Assert.InRange(DateTime.Parse(recordedAt, null, System.Globalization.DateTimeStyles.RoundtripKind), DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));

        var fetched = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Equal(id, fetched.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Post_without_emotions_or_note_is_fine()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 0, drive = 10, soothe = 5 }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(0, body.GetProperty("emotions").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("note").ValueKind);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"threat":11,"drive":3,"soothe":2}""", "threat" },
        { """{"threat":-1,"drive":3,"soothe":2}""", "threat" },
        { """{"threat":3,"drive":3,"soothe":11}""", "soothe" },
        { """{"threat":3,"soothe":2}""", "drive" },
        { """{"threat":3,"drive":null,"soothe":2}""", "drive" },
        { """{"threat":3,"drive":"high","soothe":2}""", "drive" },
        { """{"threat":3.5,"drive":3,"soothe":2}""", "threat" },
        { """{"threat":3,"drive":3,"soothe":2,"emotions":["anxious","sparkly"]}""", "emotions" },
        { """{"threat":3,"drive":3,"soothe":2,"emotions":"anxious"}""", "emotions" },
        { """{"threat":3,"drive":3,"soothe":2,"note":42}""", "note" },
        { """{"threat":3,"drive":3,"soothe":2,"note":"__LONG__"}""", "note" },
        { """{"threat":3,"drive":3,""", "body" },
        { """not json at all""", "body" },
        { "", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_with_bad_input_returns_400_problem_naming_the_field_and_saves_nothing(string json, string field)
    {
        var client = await factory.CreateClientForNewPersonAsync();
        json = json.Replace("__LONG__", new string('a', 2001), StringComparison.Ordinal);

        var response = await client.PostAsync("/api/v1/check-ins", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"errors should name '{field}': {problem}");
        Assert.NotEmpty(messages.EnumerateArray().First().GetString()!);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/check-ins", TestContext.Current.CancellationToken);
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Note_of_exactly_2000_characters_is_accepted()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 1, drive = 1, soothe = 1, note = new string('b', 2000) }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Post_without_a_token_returns_401_and_saves_nothing()
    {
        var anonymous = factory.CreateClient();
        var before = factory.WithDb(db => db.CheckIns.Count());

        var response = await anonymous.PostAsJsonAsync("/api/v1/check-ins", new { threat = 1, drive = 1, soothe = 1 }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, factory.WithDb(db => db.CheckIns.Count()));
    }

    [Fact]
    public async Task Post_with_a_forged_token_returns_401()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "CfDJ8-not-a-real-token");

        var response = await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 1, drive = 1, soothe = 1 }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_stores_the_emotions_and_the_owner()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 4, drive = 4, soothe = 4, emotions = new[] { "safe", "on-edge", "safe" } }, TestContext.Current.CancellationToken);

        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        var stored = factory.WithDb(db => db.CheckIns.AsNoTracking().Single(c => c.Id == id));
        Assert.Equal(["safe", "on-edge"], stored.Emotions);
    }
}
