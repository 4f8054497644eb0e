using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Hosting;

/// <summary>Every list pages one way: limit and cursor, checked at the edge with the same words, and nextCursor to go on.</summary>
public sealed class PagingTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string LimitProblem = "limit is a whole number from 1 to 200.";
    private const string CursorProblem = "cursor is not one this API gave out; pass nextCursor from the previous page exactly.";

    public static TheoryData<string> Lists => new(
        "/api/v1/check-ins", "/api/v1/practice-sessions", "/api/v1/journal-entries", "/api/v1/ally-records", "/api/v1/letters", "/api/v1/ally-cards");

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Every_list_refuses_a_bad_limit_and_cursor_with_the_same_words(string list)
    {
        var client = await factory.CreateClientForNewPersonAsync();

        foreach (var (query, field, message) in new[]
        {
            ("limit=0", "limit", LimitProblem),
            ("limit=201", "limit", LimitProblem),
            ("limit=ten", "limit", LimitProblem),
            ("cursor=made-up", "cursor", CursorProblem),
        })
        {
            var response = await client.GetAsync($"{list}?{query}", Cancel);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
            Assert.Equal([message], errors.GetProperty(field).EnumerateArray().Select(e => e.GetString()));
        }
    }

    [Fact]
    public async Task Practice_sessions_go_page_by_page_with_next_cursor_and_keep_to_before()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var started = DateTimeOffset.UtcNow.AddHours(-1);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            // Two sessions at the same moment: the cursor's id keeps the second from being skipped.
            var at = started.AddMinutes(i == 2 ? 1 : 0).ToString("O", CultureInfo.InvariantCulture);
            var response = await client.PostAsJsonAsync("/api/v1/practice-sessions", new { practiceId = "safe-place", startedAt = at, durationSeconds = 60 }, Cancel);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid());
        }

        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/practice-sessions?limit=2", Cancel);
        var next = first.GetProperty("nextCursor").GetString();
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/v1/practice-sessions?limit=2&cursor={next}", Cancel);
        var before = await client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/practice-sessions?before={Uri.EscapeDataString(started.AddSeconds(30).ToString("O", CultureInfo.InvariantCulture))}", Cancel);

        Assert.Equal(2, Ids(first).Count);
        Assert.Equal(ids[2], Ids(first)[0]);
        Assert.Equal(ids.Order(), Ids(first).Concat(Ids(second)).Order());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.Equal(ids.Take(2).Order(), Ids(before).Order());
    }

    [Fact]
    public async Task A_check_in_window_that_ends_before_it_starts_is_400_naming_to()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.GetAsync("/api/v1/check-ins?from=2026-11-25&to=2026-11-24", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Equal("to must be later than from.", errors.GetProperty("to")[0].GetString());
    }

    private static List<Guid> Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
}
