using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;
using static InnerAlly.Tests.Features.Writing.WritingSamples;

namespace InnerAlly.Tests.Features.AllyCards;

/// <summary>/api/v1/ally-cards: kind words kept from a record, a letter, or typed.</summary>
public sealed class AllyCardApiTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    [Fact]
    public async Task Cards_keep_their_words_and_where_they_came_from_even_after_that_is_deleted()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var (record, _) = await CreateAsync(client, AllyRecordsUrl, new { allyWarmth = "You did your best with what you had." });
        var (letter, _) = await CreateAsync(client, LettersUrl, new { parts = new { close = "With love, always." } });

        var (fromRecord, recordCard) = await CreateAsync(client, AllyCardsUrl, new { text = "You did your best with what you had.", allyRecordId = record });
        var (_, letterCard) = await CreateAsync(client, AllyCardsUrl, new { text = "With love, always.", letterId = letter });
        var (_, typed) = await CreateAsync(client, AllyCardsUrl, new { text = "Breathe. This will pass." });

        Assert.Equal(record, recordCard.GetProperty("allyRecordId").GetGuid());
        Assert.Equal(letter, letterCard.GetProperty("letterId").GetGuid());
        Assert.Equal(JsonValueKind.Null, typed.GetProperty("allyRecordId").ValueKind);
        Assert.Equal(JsonValueKind.Null, typed.GetProperty("letterId").ValueKind);

        await client.DeleteAsync($"{AllyRecordsUrl}/{record}", Cancel);
        var kept = await client.GetFromJsonAsync<JsonElement>($"{AllyCardsUrl}/{fromRecord}", Cancel);
        Assert.Equal("You did your best with what you had.", kept.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, kept.GetProperty("allyRecordId").ValueKind);
        Assert.Equal(3, (await client.GetFromJsonAsync<JsonElement>(AllyCardsUrl, Cancel)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_card_from_someone_elses_record_or_letter_is_400_and_nothing_is_kept()
    {
        var other = await factory.CreateClientForNewPersonAsync();
        var (theirRecord, _) = await CreateAsync(other, AllyRecordsUrl, new { allyWarmth = "Theirs." });
        var (theirLetter, _) = await CreateAsync(other, LettersUrl, new { parts = new { close = "Theirs." } });
        var client = await factory.CreateClientForNewPersonAsync();

        var record = await ProblemAsync(await client.PostAsJsonAsync(AllyCardsUrl, new { text = "Mine", allyRecordId = theirRecord }, Cancel));
        var letter = await ProblemAsync(await client.PostAsJsonAsync(AllyCardsUrl, new { text = "Mine", letterId = theirLetter }, Cancel));

        Assert.True(record.TryGetProperty("allyRecordId", out _));
        Assert.True(letter.TryGetProperty("letterId", out _));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>(AllyCardsUrl, Cancel)).GetProperty("items").GetArrayLength());
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{}""", "text" },
        { """{"text":" "}""", "text" },
        { """{"text":"__LONG__"}""", "text" },
        { """{"text":"Kind","allyRecordId":"00000000-0000-0000-0000-000000000001","letterId":"00000000-0000-0000-0000-000000000002"}""", "letterId" },
        { """{"text":"Kind","letterId":"soon"}""", "letterId" },
        { """{"text":"Kind","colour":"gold"}""", "colour" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_with_bad_input_is_400_naming_the_field_and_keeps_nothing(string json, string field) =>
        await AssertRefusedAsync(await factory.CreateClientForNewPersonAsync(), AllyCardsUrl, json, field);

    [Fact]
    public async Task Removing_a_card_leaves_the_others()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var (first, _) = await CreateAsync(client, AllyCardsUrl, new { text = "One." });
        var (second, _) = await CreateAsync(client, AllyCardsUrl, new { text = "Two." });

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{AllyCardsUrl}/{first}", Cancel)).StatusCode);

        var left = await client.GetFromJsonAsync<JsonElement>(AllyCardsUrl, Cancel);
        Assert.Equal([second], left.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }
}
