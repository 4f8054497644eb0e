using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;
using static InnerAlly.Tests.Features.Writing.WritingSamples;

namespace InnerAlly.Tests.Features.Journal;

/// <summary>/api/v1/journal-entries: writing, changing and finding entries.</summary>
public sealed class JournalApiTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    [Fact]
    public async Task Post_returns_201_with_the_entry_its_tidied_tags_and_its_check_in()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var checkIn = await (await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 7, drive = 3, soothe = 2 }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);

        var (id, body) = await CreateAsync(client, JournalUrl, new
        {
            text = "A long day.\nThe train was late again.",
            prompt = "What was hard today?",
            tags = new[] { " work ", "Work", "the   commute", "" },
            checkInId = checkIn.GetProperty("id").GetGuid(),
        });

        Assert.Equal("A long day.\nThe train was late again.", body.GetProperty("text").GetString());
        Assert.Equal("What was hard today?", body.GetProperty("prompt").GetString());
        Assert.Equal(["work", "the commute"], body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(checkIn.GetProperty("id").GetGuid(), body.GetProperty("checkInId").GetGuid());
        Assert.Equal(body.GetProperty("createdAt").GetString(), body.GetProperty("updatedAt").GetString());
        var fetched = await client.GetFromJsonAsync<JsonElement>($"{JournalUrl}/{id}", Cancel);
        Assert.Equal(["work", "the commute"], fetched.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{}""", "text" },
        { """{"text":""}""", "text" },
        { """{"text":"   \n "}""", "text" },
        { """{"text":null}""", "text" },
        { """{"text":"__LONG__"}""", "text" },
        { """{"text":42}""", "text" },
        { """{"text":"Hi","prompt":"__PROMPT__"}""", "prompt" },
        { """{"text":"Hi","tags":"work"}""", "tags" },
        { """{"text":"Hi","tags":["a","b","c","d","e","f","g","h","i","j","k"]}""", "tags" },
        { """{"text":"Hi","tags":["__TAG__"]}""", "tags" },
        { """{"text":"Hi","checkInId":"not-a-guid"}""", "checkInId" },
        { """{"text":"Hi","mood":"low"}""", "mood" },
        { """{"text":"Hi","createdAt":"2026-01-01T00:00:00Z"}""", "createdAt" },
        { """{"text":"Hi",""", "body" },
        { "", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_with_bad_input_is_400_naming_the_field_and_saves_nothing(string json, string field) =>
        await AssertRefusedAsync(
            await factory.CreateClientForNewPersonAsync(),
            JournalUrl,
            json.Replace("__PROMPT__", new string('p', 501), StringComparison.Ordinal).Replace("__TAG__", new string('t', 41), StringComparison.Ordinal),
            field);

    [Fact]
    public async Task Text_of_exactly_20000_characters_is_kept()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var (_, body) = await CreateAsync(client, JournalUrl, new { text = new string('b', 20_000) });

        Assert.Equal(20_000, body.GetProperty("text").GetString()!.Length);
    }

    [Fact]
    public async Task Linking_someone_elses_check_in_is_400_and_saves_nothing()
    {
        var other = await factory.CreateClientForNewPersonAsync();
        var theirs = await (await other.PostAsJsonAsync("/api/v1/check-ins", new { threat = 1, drive = 1, soothe = 1 }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var client = await factory.CreateClientForNewPersonAsync();

        var errors = await ProblemAsync(await client.PostAsJsonAsync(JournalUrl, new { text = "Hello", checkInId = theirs.GetProperty("id").GetGuid() }, Cancel));
        var unknown = await ProblemAsync(await client.PostAsJsonAsync(JournalUrl, new { text = "Hello", checkInId = Guid.NewGuid() }, Cancel));

        Assert.Equal(errors.GetProperty("checkInId")[0].GetString(), unknown.GetProperty("checkInId")[0].GetString());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>(JournalUrl, Cancel)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Deleting_the_check_in_keeps_the_entry_and_drops_the_link()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var checkIn = (await (await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 1, drive = 1, soothe = 1 }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var (id, _) = await CreateAsync(client, JournalUrl, new { text = "About that check-in.", checkInId = checkIn });

        await client.DeleteAsync($"/api/v1/check-ins/{checkIn}", Cancel);

        var entry = await client.GetFromJsonAsync<JsonElement>($"{JournalUrl}/{id}", Cancel);
        Assert.Equal("About that check-in.", entry.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("checkInId").ValueKind);
    }

    [Fact]
    public async Task Put_replaces_the_entry_and_answers_with_analysis_and_safety()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var (id, created) = await CreateAsync(client, JournalUrl, new { text = "First version.", prompt = "A prompt", tags = new[] { "one" } });

        var response = await client.PutAsJsonAsync($"{JournalUrl}/{id}", new { text = "Second version.", tags = new[] { "two" } }, Cancel);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Second version.", body.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("prompt").ValueKind);
        Assert.Equal(["two"], body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(created.GetProperty("createdAt").GetString(), body.GetProperty("createdAt").GetString());
        Assert.True(body.TryGetProperty("analysis", out _));
        Assert.False(body.GetProperty("safety").GetProperty("triggered").GetBoolean());
    }

    [Theory]
    [InlineData("""{"text":""}""", "text")]
    [InlineData("""{"text":"__LONG__"}""", "text")]
    [InlineData("""{"text":"New words","tags":["a","b","c","d","e","f","g","h","i","j","k"]}""", "tags")]
    [InlineData("""{"text":"New words","colour":"blue"}""", "colour")]
    [InlineData("""{"text":"New words","checkInId":"00000000-0000-0000-0000-000000000001"}""", "checkInId")]
    public async Task A_failed_change_is_400_and_loses_nothing_already_saved(string json, string field)
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var (id, _) = await CreateAsync(client, JournalUrl, new { text = "Words worth keeping.", prompt = "Kept prompt", tags = new[] { "kept" } });

        var errors = await ProblemAsync(await client.PutAsync($"{JournalUrl}/{id}", Json(json.Replace("__LONG__", new string('a', 20_001), StringComparison.Ordinal)), Cancel));

        Assert.True(errors.TryGetProperty(field, out _), $"errors should name '{field}': {errors}");
        var kept = await client.GetFromJsonAsync<JsonElement>($"{JournalUrl}/{id}", Cancel);
        Assert.Equal("Words worth keeping.", kept.GetProperty("text").GetString());
        Assert.Equal("Kept prompt", kept.GetProperty("prompt").GetString());
        Assert.Equal(["kept"], kept.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Q_finds_entries_with_every_word_ignoring_case_and_accents_in_text_prompt_and_tags()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var (cafe, _) = await CreateAsync(client, JournalUrl, new { text = "Met Ana at the café. It went better than I feared." });
        var (prompted, _) = await CreateAsync(client, JournalUrl, new { text = "Slept badly.", prompt = "What did your body need today?" });
        var (tagged, _) = await CreateAsync(client, JournalUrl, new { text = "Nothing much.", tags = new[] { "Gardening" } });
        await CreateAsync(client, JournalUrl, new { text = "A quiet evening with a book." });

        Assert.Equal([cafe], await FindAsync(client, "?q=CAFE"));
        Assert.Equal([cafe], await FindAsync(client, "?q=ana%20feared"));
        Assert.Empty(await FindAsync(client, "?q=ana%20garden"));
        Assert.Equal([prompted], await FindAsync(client, "?q=body%20need"));
        Assert.Equal([tagged], await FindAsync(client, "?q=garden"));
        Assert.Equal(4, (await FindAsync(client, "?q=%20%20")).Count);
    }

    [Fact]
    public async Task Tag_finds_entries_with_that_tag_and_combines_with_q()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var (first, _) = await CreateAsync(client, JournalUrl, new { text = "Deadline day.", tags = new[] { "Work", "sleep" } });
        var (second, _) = await CreateAsync(client, JournalUrl, new { text = "Team lunch was nice.", tags = new[] { "work" } });
        await CreateAsync(client, JournalUrl, new { text = "Working on the garden.", tags = new[] { "home" } });

        Assert.Equal([second, first], await FindAsync(client, "?tag=work"));
        Assert.Equal([second], await FindAsync(client, "?tag=WORK&q=lunch"));
        Assert.Empty(await FindAsync(client, "?tag=wor"));
    }

    [Fact]
    public async Task Search_never_finds_another_persons_entries()
    {
        var other = await factory.CreateClientForNewPersonAsync();
        await CreateAsync(other, JournalUrl, new { text = "Marmalade sandwiches.", tags = new[] { "food" } });
        var client = await factory.CreateClientForNewPersonAsync();

        Assert.Empty(await FindAsync(client, "?q=marmalade"));
        Assert.Empty(await FindAsync(client, "?tag=food"));
    }

    [Fact]
    public async Task Lists_and_searches_go_page_by_page_newest_first()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await CreateAsync(client, JournalUrl, new { text = i % 2 == 0 ? $"Walk {i} by the sea." : $"Rain {i}." })).Id);
        }

        var first = await client.GetFromJsonAsync<JsonElement>($"{JournalUrl}?limit=2", Cancel);
        var second = await client.GetFromJsonAsync<JsonElement>($"{JournalUrl}?limit=2&cursor={first.GetProperty("nextCursor").GetString()}", Cancel);
        var searched = await client.GetFromJsonAsync<JsonElement>($"{JournalUrl}?q=sea&limit=2", Cancel);
        var searchedNext = await client.GetFromJsonAsync<JsonElement>($"{JournalUrl}?q=sea&limit=2&cursor={searched.GetProperty("nextCursor").GetString()}", Cancel);

        Assert.Equal([ids[4], ids[3]], Ids(first));
        Assert.Equal([ids[2], ids[1]], Ids(second));
        Assert.Equal([ids[4], ids[2]], Ids(searched));
        Assert.Equal([ids[0]], Ids(searchedNext));
        Assert.Equal(JsonValueKind.Null, searchedNext.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=201", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?cursor=made-up", "cursor")]
    [InlineData("?q=__LONG__", "q")]
    [InlineData("?tag=__TAG__", "tag")]
    public async Task Bad_query_strings_are_400_naming_them(string query, string field)
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var errors = await ProblemAsync(await client.GetAsync(JournalUrl + query.Replace("__LONG__", new string('q', 201), StringComparison.Ordinal).Replace("__TAG__", new string('t', 41), StringComparison.Ordinal), Cancel));

        Assert.True(errors.TryGetProperty(field, out _), $"errors should name '{field}': {errors}");
    }

    private static async Task<List<Guid>> FindAsync(HttpClient client, string query) =>
        Ids(await client.GetFromJsonAsync<JsonElement>(JournalUrl + query, Cancel));

    private static List<Guid> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    [Fact]
    public async Task Search_in_the_body_finds_the_same_and_refuses_what_it_does_not_take()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var (walk, _) = await CreateAsync(client, JournalUrl, new { text = "A walk by the sea.", tags = new[] { "outside" } });
        await CreateAsync(client, JournalUrl, new { text = "Rain all day.", tags = new[] { "outside" } });

        var found = await (await client.PostAsJsonAsync($"{JournalUrl}/search", new { q = "SEA", tag = "outside", limit = 5 }, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var unknown = await ProblemAsync(await client.PostAsJsonAsync($"{JournalUrl}/search", new { words = "sea" }, Cancel));
        var tooLong = await ProblemAsync(await client.PostAsJsonAsync($"{JournalUrl}/search", new { q = new string('q', 201) }, Cancel));

        Assert.Equal([walk], Ids(found));
        Assert.True(unknown.TryGetProperty("words", out _));
        Assert.True(tooLong.TryGetProperty("q", out _));
    }
}
