using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Practices;

public sealed class RecordPracticeSessionApiTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Ago(int minutes) => DateTimeOffset.UtcNow.AddMinutes(-minutes).ToString("O", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Post_returns_201_with_location_and_the_session_reads_back()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var startedAt = Ago(6);

        var response = await client.PostAsJsonAsync("/api/v1/practice-sessions", new
        {
            practiceId = "soothing-touch",
            startedAt,
            durationSeconds = 300,
            before = new { threat = 7, soothe = 2 },
            after = new { threat = 4, soothe = 5 },
            note = "Hand on heart helped.",
        }, Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/practice-sessions/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("soothing-touch", body.GetProperty("practiceId").GetString());
        Assert.Equal(300, body.GetProperty("durationSeconds").GetInt32());
        Assert.Equal(7, body.GetProperty("before").GetProperty("threat").GetInt32());
        Assert.Equal(5, body.GetProperty("after").GetProperty("soothe").GetInt32());
        Assert.Equal("Hand on heart helped.", body.GetProperty("note").GetString());
        Assert.EndsWith("Z", body.GetProperty("startedAt").GetString()!, StringComparison.Ordinal);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/practice-sessions", Cancel);
        Assert.Equal(id, list.GetProperty("items")[0].GetProperty("id").GetGuid());
        var fetched = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location, Cancel);
        Assert.Equal("Hand on heart helped.", fetched.GetProperty("note").GetString());
    }

    [Fact]
    public async Task Ratings_and_note_are_optional()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.PostAsJsonAsync("/api/v1/practice-sessions",
            new { practiceId = "mindful-noticing", startedAt = Ago(3), durationSeconds = 180, after = new { soothe = 6 } }, Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("before").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("after").GetProperty("threat").ValueKind);
        Assert.Equal(6, body.GetProperty("after").GetProperty("soothe").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("note").ValueKind);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"practiceId":"juggling","startedAt":"{now}","durationSeconds":60}""", "practiceId" },
        { """{"startedAt":"{now}","durationSeconds":60}""", "practiceId" },
        { """{"practiceId":"safe-place","startedAt":"{now}","durationSeconds":-5}""", "durationSeconds" },
        { """{"practiceId":"safe-place","startedAt":"{now}","durationSeconds":0}""", "durationSeconds" },
        { """{"practiceId":"safe-place","startedAt":"{now}","durationSeconds":86400}""", "durationSeconds" },
        { """{"practiceId":"safe-place","startedAt":"{now}"}""", "durationSeconds" },
        { """{"practiceId":"safe-place","durationSeconds":60}""", "startedAt" },
        { """{"practiceId":"safe-place","startedAt":"{tomorrow}","durationSeconds":60}""", "startedAt" },
        { """{"practiceId":"safe-place","startedAt":"2001-01-01T00:00:00Z","durationSeconds":60}""", "startedAt" },
        { """{"practiceId":"safe-place","startedAt":"soon","durationSeconds":60}""", "startedAt" },
        { """{"practiceId":"safe-place","startedAt":"{now}","durationSeconds":60,"before":{"threat":11}}""", "before.threat" },
        { """{"practiceId":"safe-place","startedAt":"{now}","durationSeconds":60,"after":{"soothe":-1}}""", "after.soothe" },
        { """{"practiceId":"safe-place","startedAt":"{now}","durationSeconds":60,"note":"{long}"}""", "note" },
        { """{"practiceId":"safe-place","startedAt":"{now}","durationSeconds":60""", "" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_400_problem_json_naming_the_field_and_nothing_is_saved(string template, string field)
    {
        var email = InnerAllyFactory.NewEmail();
        var client = await factory.CreateClientForNewPersonAsync(email);
        var json = template
            .Replace("{now}", Ago(1), StringComparison.Ordinal)
            .Replace("{tomorrow}", DateTimeOffset.UtcNow.AddDays(1).ToString("O", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{long}", new string('a', 2001), StringComparison.Ordinal);

        var response = await client.PostAsync("/api/v1/practice-sessions", new StringContent(json, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        if (field.Length > 0)
        {
            var keys = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
            Assert.Contains(keys, k => string.Equals(k, field, StringComparison.OrdinalIgnoreCase) || k.EndsWith("." + field, StringComparison.OrdinalIgnoreCase) || string.Equals(k, "$." + field, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Equal(0, factory.WithDb(db => db.PracticeSessions.Count(s => db.Users.Any(u => u.Id == s.UserId && u.Email == email))));
    }

    [Fact]
    public async Task Someone_elses_session_is_404_and_never_in_my_list()
    {
        var owner = await factory.CreateClientForNewPersonAsync();
        var other = await factory.CreateClientForNewPersonAsync();
        var created = await owner.PostAsJsonAsync("/api/v1/practice-sessions",
            new { practiceId = "safe-place", startedAt = Ago(5), durationSeconds = 300, note = "Mine alone." }, Cancel);

        var response = await other.GetAsync(created.Headers.Location, Cancel);
        var list = await other.GetFromJsonAsync<JsonElement>("/api/v1/practice-sessions", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Sessions_need_a_token()
    {
        var anonymous = factory.CreateClient();

        var post = await anonymous.PostAsJsonAsync("/api/v1/practice-sessions", new { practiceId = "safe-place", startedAt = Ago(5), durationSeconds = 300 }, Cancel);
        var get = await anonymous.GetAsync("/api/v1/practice-insights", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
    }

    [Fact]
    public async Task The_note_is_stored_encrypted()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var marker = $"practice-marker-{Guid.NewGuid():N}";

        var response = await client.PostAsJsonAsync("/api/v1/practice-sessions",
            new { practiceId = "safe-place", startedAt = Ago(5), durationSeconds = 300, note = marker }, Cancel);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();

        var rows = await factory.Database.QueryAsync("""SELECT "Id", "Note" FROM "PracticeSessions" """, r => (Id: r.GetGuid(0), Note: r.IsDBNull(1) ? [] : (byte[])r.GetValue(1)), cancellationToken: Cancel);
        var stored = rows.Single(r => r.Id == id).Note;
        Assert.DoesNotContain(marker, Encoding.Latin1.GetString(stored), StringComparison.Ordinal);
        Assert.Equal(1, stored[0]); // the sealed format's version byte
    }

    [Fact]
    public async Task List_paging_arguments_are_checked()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.GetAsync("/api/v1/practice-sessions?limit=0&before=yesterday", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("limit", out _));
        Assert.True(errors.TryGetProperty("before", out _));
    }
}
