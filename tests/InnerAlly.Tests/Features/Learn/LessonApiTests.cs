using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Learn;

public sealed class LessonApiTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_course_lists_lessons_in_order_and_continues_after_the_last_one_read()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var before = await client.GetFromJsonAsync<JsonElement>("/api/v1/lessons", Cancel);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/lessons/the-three-systems/read", null, Cancel)).StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/v1/lessons", Cancel);

        Assert.Equal("what-compassion-is", before.GetProperty("continueWith").GetString());
        Assert.Equal("not-your-fault", after.GetProperty("continueWith").GetString());
        var items = after.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(13, items.Count);
        Assert.True(items[2].GetProperty("read").GetBoolean());
        Assert.False(items[0].GetProperty("read").GetBoolean());
        Assert.InRange(items[0].GetProperty("minutes").GetInt32(), 3, 7);
    }

    [Fact]
    public async Task A_lesson_comes_with_its_body_references_practice_and_question()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var lesson = await client.GetFromJsonAsync<JsonElement>("/api/v1/lessons/the-inner-critic", Cancel);

        Assert.Equal("The inner critic", lesson.GetProperty("title").GetString());
        Assert.Contains("<h2", lesson.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, lesson.GetProperty("references").GetArrayLength());
        Assert.Equal("soothing-touch", lesson.GetProperty("practice").GetProperty("id").GetString());
        Assert.EndsWith("?", lesson.GetProperty("reflectionQuestion").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, lesson.GetProperty("reflection").ValueKind);
    }

    [Fact]
    public async Task A_reflection_is_201_then_200_is_seen_by_its_author_only_and_is_sealed_at_rest()
    {
        var author = await factory.CreateClientForNewPersonAsync();
        var other = await factory.CreateClientForNewPersonAsync();
        var marker = $"reflection-marker-{Guid.NewGuid():N}";

        var first = await author.PostAsJsonAsync("/api/v1/lessons/shame-and-guilt/reflection", new { text = marker }, Cancel);
        var second = await author.PostAsJsonAsync("/api/v1/lessons/shame-and-guilt/reflection", new { text = marker + " and more" }, Cancel);
        var mine = await author.GetFromJsonAsync<JsonElement>("/api/v1/lessons/shame-and-guilt", Cancel);
        var theirs = await other.GetFromJsonAsync<JsonElement>("/api/v1/lessons/shame-and-guilt", Cancel);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(marker + " and more", mine.GetProperty("reflection").GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, theirs.GetProperty("reflection").ValueKind);
        var rows = await factory.Database.QueryAsync("""SELECT "Reflection" FROM "LessonStates" WHERE "Reflection" IS NOT NULL""", r => (byte[])r.GetValue(0), cancellationToken: Cancel);
        Assert.NotEmpty(rows);
        Assert.DoesNotContain(rows, r => Encoding.Latin1.GetString(r).Contains("reflection-marker", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"text":""}""")]
    [InlineData("""{"text":"   "}""")]
    [InlineData("""{}""")]
    public async Task An_empty_reflection_is_400_naming_text(string json)
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.PostAsync("/api/v1/lessons/the-tricky-brain/reflection", new StringContent(json, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task A_reflection_over_5000_characters_is_400_and_an_unknown_lesson_is_404()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var tooLong = await client.PostAsJsonAsync("/api/v1/lessons/the-tricky-brain/reflection", new { text = new string('a', 5001) }, Cancel);
        var unknown = await client.PostAsJsonAsync("/api/v1/lessons/juggling/reflection", new { text = "Hello." }, Cancel);
        var unknownLesson = await client.GetAsync("/api/v1/lessons/juggling", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownLesson.StatusCode);
    }
}
