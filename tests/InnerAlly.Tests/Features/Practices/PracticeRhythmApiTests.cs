using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Practices;

public sealed class PracticeRhythmApiTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_practice_added_to_the_week_reads_back_with_its_days_and_time()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var created = await client.PostAsJsonAsync("/api/v1/practice-rhythm",
            new { practiceId = "soothing-touch", minutes = 3, days = new[] { "friday", "Monday", "wednesday" }, time = "7:30" }, Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rhythm = await client.GetFromJsonAsync<JsonElement>("/api/v1/practice-rhythm", Cancel);
        var item = rhythm.GetProperty("items")[0];
        Assert.Equal("soothing-touch", item.GetProperty("practiceId").GetString());
        Assert.Equal("Soothing touch", item.GetProperty("practiceTitle").GetString());
        Assert.Equal(3, item.GetProperty("minutes").GetInt32());
        Assert.Equal(["monday", "wednesday", "friday"], item.GetProperty("days").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("07:30", item.GetProperty("time").GetString());
        Assert.Equal("UTC", rhythm.GetProperty("timeZone").GetString());
        Assert.Equal(JsonValueKind.Null, rhythm.GetProperty("calendarFeed").ValueKind);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"practiceId":"juggling","minutes":5,"days":["monday"],"time":"08:00"}""", "practiceId" },
        { """{"practiceId":"safe-place","minutes":7,"days":["monday"],"time":"08:00"}""", "minutes" },
        { """{"practiceId":"safe-place","minutes":5,"days":[],"time":"08:00"}""", "days" },
        { """{"practiceId":"safe-place","minutes":5,"time":"08:00"}""", "days" },
        { """{"practiceId":"safe-place","minutes":5,"days":["funday"],"time":"08:00"}""", "days" },
        { """{"practiceId":"safe-place","minutes":5,"days":["1"],"time":"08:00"}""", "days" },
        { """{"practiceId":"safe-place","minutes":5,"days":["monday"],"time":"25:00"}""", "time" },
        { """{"practiceId":"safe-place","minutes":5,"days":["monday"]}""", "time" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_400_naming_the_field_and_nothing_is_added(string json, string field)
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.PostAsync("/api/v1/practice-rhythm", new StringContent(json, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase));
        var rhythm = await client.GetFromJsonAsync<JsonElement>("/api/v1/practice-rhythm", Cancel);
        Assert.Equal(0, rhythm.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Only_the_owner_can_take_a_line_out()
    {
        var owner = await factory.CreateClientForNewPersonAsync();
        var other = await factory.CreateClientForNewPersonAsync();
        var created = await owner.PostAsJsonAsync("/api/v1/practice-rhythm",
            new { practiceId = "safe-place", minutes = 5, days = new[] { "sunday" }, time = "20:00" }, Cancel);
        var location = created.Headers.Location!;

        var byOther = await other.DeleteAsync(location, Cancel);
        var byOwner = await owner.DeleteAsync(location, Cancel);
        var again = await owner.DeleteAsync(location, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, byOwner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task A_week_holds_at_most_21_lines()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        for (var i = 0; i < 21; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/practice-rhythm",
                new { practiceId = "safe-place", minutes = 3, days = new[] { "monday" }, time = $"{i:00}:00" }, Cancel)).EnsureSuccessStatusCode();
        }

        var full = await client.PostAsJsonAsync("/api/v1/practice-rhythm",
            new { practiceId = "safe-place", minutes = 3, days = new[] { "monday" }, time = "23:30" }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, full.StatusCode);
    }
}
