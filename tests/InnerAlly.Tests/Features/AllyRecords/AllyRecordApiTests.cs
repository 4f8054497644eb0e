using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Features.Writing;
using InnerAlly.Tests.Infrastructure;
using static InnerAlly.Tests.Features.Writing.WritingSamples;

namespace InnerAlly.Tests.Features.AllyRecords;

/// <summary>/api/v1/ally-records: every step optional, at least one text, ratings 0-10 before and after.</summary>
public sealed class AllyRecordApiTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    [Fact]
    public async Task A_full_record_comes_back_as_written()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var (id, body) = await CreateAsync(client, AllyRecordsUrl, WritingSamples.Body(AllyRecordsUrl, "words"));
        var fetched = await client.GetFromJsonAsync<JsonElement>($"{AllyRecordsUrl}/{id}", Cancel);

        foreach (var record in new[] { body, fetched })
        {
            Assert.Equal("Situation words.", record.GetProperty("situation").GetString());
            Assert.Equal("Critic words.", record.GetProperty("criticWords").GetString());
            Assert.Equal(["ashamed", "on-edge"], record.GetProperty("feelings").GetProperty("emotions").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("Body words.", record.GetProperty("feelings").GetProperty("body").GetString());
            Assert.Equal("Fear words.", record.GetProperty("criticFear").GetString());
            Assert.Equal("Wisdom words.", record.GetProperty("allyWisdom").GetString());
            Assert.Equal("Strength words.", record.GetProperty("allyStrength").GetString());
            Assert.Equal("Warmth words.", record.GetProperty("allyWarmth").GetString());
            Assert.Equal("Action words.", record.GetProperty("action").GetString());
            Assert.Equal(8, record.GetProperty("harshnessBefore").GetInt32());
            Assert.Equal(4, record.GetProperty("harshnessAfter").GetInt32());
            Assert.Equal(3, record.GetProperty("beliefBefore").GetInt32());
            Assert.Equal(6, record.GetProperty("beliefAfter").GetInt32());
        }
    }

    [Fact]
    public async Task One_text_is_enough_and_everything_else_is_empty()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var (_, body) = await CreateAsync(client, AllyRecordsUrl, new { action = "Go to bed early." });

        Assert.Equal("Go to bed early.", body.GetProperty("action").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("criticWords").ValueKind);
        Assert.Equal(0, body.GetProperty("feelings").GetProperty("emotions").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("harshnessBefore").ValueKind);
        // With no critic's words, the analysis reads what there is.
        Assert.True(body.TryGetProperty("analysis", out var analysis) && analysis.ValueKind == JsonValueKind.Object);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{}""", "criticWords" },
        { """{"situation":"  ","harshnessBefore":5}""", "situation" },
        { """{"feelings":{"emotions":["ashamed"]}}""", "feelings.body" },
        { """{"criticWords":"__LONG__"}""", "criticWords" },
        { """{"allyWarmth":"__LONG__"}""", "allyWarmth" },
        { """{"situation":"x","feelings":{"body":"__LONG__"}}""", "feelings.body" },
        { """{"situation":"x","harshnessBefore":11}""", "harshnessBefore" },
        { """{"situation":"x","beliefAfter":-1}""", "beliefAfter" },
        { """{"situation":"x","harshnessAfter":5.5}""", "harshnessAfter" },
        { """{"situation":"x","beliefBefore":"high"}""", "beliefBefore" },
        { """{"situation":"x","feelings":{"emotions":["sparkly"]}}""", "feelings.emotions" },
        { """{"situation":"x","feelings":{"colour":"grey"}}""", "feelings.colour" },
        { """{"situation":"x","feelings":"sad"}""", "feelings" },
        { """{"situation":"x","mood":"low"}""", "mood" },
        { """{"situation":42}""", "situation" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_with_bad_input_is_400_naming_the_field_and_saves_nothing(string json, string field) =>
        await AssertRefusedAsync(await factory.CreateClientForNewPersonAsync(), AllyRecordsUrl, json, field);

    [Fact]
    public async Task Put_replaces_the_record_so_the_after_ratings_can_come_later()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var (id, _) = await CreateAsync(client, AllyRecordsUrl, new { criticWords = "You never get anything right.", harshnessBefore = 9, beliefBefore = 2 });

        var response = await client.PutAsJsonAsync($"{AllyRecordsUrl}/{id}", new
        {
            criticWords = "You never get anything right.",
            allyWarmth = "You are learning, and that takes time.",
            harshnessBefore = 9,
            beliefBefore = 2,
            harshnessAfter = 5,
            beliefAfter = 6,
        }, Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, body.GetProperty("harshnessAfter").GetInt32());
        Assert.Equal("You are learning, and that takes time.", body.GetProperty("allyWarmth").GetString());
        Assert.Equal("You never get anything right.", body.GetProperty("analysis").GetProperty("prompts")[0].GetProperty("sentence").GetString());
    }

    [Theory]
    [InlineData("""{"criticWords":"  "}""", "criticWords")]
    [InlineData("""{"criticWords":"new","harshnessAfter":12}""", "harshnessAfter")]
    [InlineData("""{"criticWords":"new","feelings":{"emotions":["sparkly"]}}""", "feelings.emotions")]
    [InlineData("""{"criticWords":"new","extra":true}""", "extra")]
    public async Task A_failed_change_is_400_and_loses_nothing_already_saved(string json, string field)
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var (id, _) = await CreateAsync(client, AllyRecordsUrl, WritingSamples.Body(AllyRecordsUrl, "kept"));

        var errors = await ProblemAsync(await client.PutAsync($"{AllyRecordsUrl}/{id}", Json(json), Cancel));

        Assert.True(errors.TryGetProperty(field, out _), $"errors should name '{field}': {errors}");
        var kept = await client.GetFromJsonAsync<JsonElement>($"{AllyRecordsUrl}/{id}", Cancel);
        Assert.Equal("Critic kept.", kept.GetProperty("criticWords").GetString());
        Assert.Equal("Warmth kept.", kept.GetProperty("allyWarmth").GetString());
        Assert.Equal(4, kept.GetProperty("harshnessAfter").GetInt32());
        Assert.Equal(2, kept.GetProperty("feelings").GetProperty("emotions").GetArrayLength());
    }
}
