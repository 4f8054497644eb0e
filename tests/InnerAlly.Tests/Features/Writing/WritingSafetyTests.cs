using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;
using static InnerAlly.Tests.Features.Writing.WritingSamples;

namespace InnerAlly.Tests.Features.Writing;

/// <summary>
/// Everything written here passes the risk check once saved (SAFETY.md): risk brings the support
/// notice in the answer, and the words are kept exactly as written. Every save also answers with
/// what the language engine noticed.
/// </summary>
public sealed class WritingSafetyTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private const string Risky = "Honestly I just want to kill myself tonight.";

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(WritingSamples))]
    public async Task Risky_words_are_saved_as_written_and_the_answer_carries_the_support_notice(string url)
    {
        var client = await factory.CreateClientForNewPersonAsync();
        // The person's own country, not the browser's language, decides the lines (issue 15).
        await client.PutAsJsonAsync("/api/v1/account/preferences", new { timeZone = "Europe/London", country = "GB" }, TestContext.Current.CancellationToken);

        var (id, body) = await CreateAsync(client, url, Brief(url, Risky));

        var safety = body.GetProperty("safety");
        Assert.True(safety.GetProperty("triggered").GetBoolean());
        Assert.Equal("self", safety.GetProperty("category").GetString());
        Assert.False(string.IsNullOrWhiteSpace(safety.GetProperty("message").GetString()));
        Assert.Equal("GB", safety.GetProperty("resources").GetProperty("country").GetProperty("code").GetString());
        Assert.Equal("/safety-plan", safety.GetProperty("safetyPlanUrl").GetString());
        Assert.Equal("/help", safety.GetProperty("helpUrl").GetString());
        Assert.Equal(Risky, BriefText(url, body));
        Assert.Equal(Risky, BriefText(url, await client.GetFromJsonAsync<JsonElement>($"{url}/{id}", Cancel)));
    }

    [Theory]
    [MemberData(nameof(ChangeableKinds), MemberType = typeof(WritingSamples))]
    public async Task A_change_that_brings_risky_words_is_checked_too(string url)
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var (id, created) = await CreateAsync(client, url, Brief(url, "A slow, quiet Sunday."));

        var changed = await client.PutAsJsonAsync($"{url}/{id}", Brief(url, "My brother hits me when our parents are out and I'm scared of him."), Cancel);
        var body = await changed.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.False(created.GetProperty("safety").GetProperty("triggered").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("from_others", body.GetProperty("safety").GetProperty("category").GetString());
    }

    [Fact]
    public async Task Risk_in_any_part_of_a_record_is_found_while_the_analysis_reads_the_critics_words()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var (_, body) = await CreateAsync(client, AllyRecordsUrl, new
        {
            situation = "I forgot my friend's birthday.",
            criticWords = "You are a terrible friend. You always let people down.",
            allyWarmth = "Some nights I think about ending my life.",
        });

        Assert.Equal("self", body.GetProperty("safety").GetProperty("category").GetString());
        var sentences = body.GetProperty("analysis").GetProperty("selfCriticism").GetProperty("sentences").EnumerateArray().Select(s => s.GetProperty("text").GetString()).ToList();
        Assert.Contains("You are a terrible friend.", sentences);
        Assert.DoesNotContain(sentences, s => s!.Contains("birthday", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kinds), MemberType = typeof(WritingSamples))]
    public async Task Every_save_answers_with_the_analysis_self_critical_sentences_traps_and_prompts(string url)
    {
        var client = await factory.CreateClientForNewPersonAsync();
        const string critic = "I'm such an idiot. I always ruin everything.";

        var (_, body) = await CreateAsync(client, url, Brief(url, critic));

        var analysis = body.GetProperty("analysis");
        Assert.True(analysis.GetProperty("selfCriticism").GetProperty("present").GetBoolean());
        var sentence = analysis.GetProperty("selfCriticism").GetProperty("sentences")[0];
        Assert.Equal(critic[sentence.GetProperty("start").GetInt32()..][..sentence.GetProperty("length").GetInt32()], sentence.GetProperty("text").GetString());
        Assert.NotEqual(0, analysis.GetProperty("thinkingTraps").GetArrayLength());
        var prompt = analysis.GetProperty("prompts")[0];
        Assert.False(string.IsNullOrWhiteSpace(prompt.GetProperty("fear").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(prompt.GetProperty("friend").GetString()));
        Assert.False(analysis.TryGetProperty("risk", out _));
        Assert.False(body.GetProperty("safety").GetProperty("triggered").GetBoolean());
    }
}
