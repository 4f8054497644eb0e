using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Data;
using InnerAlly.Features.CareTeam;
using InnerAlly.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static InnerAlly.Tests.Features.CareTeam.CareTeamSetup;
using static InnerAlly.Tests.Features.Writing.WritingSamples;

namespace InnerAlly.Tests.Features.CareTeam;

/// <summary>
/// Writing shared with a therapist, category by category and entry by entry: "from now on", "keep
/// this one private", "share this one" and back, each taking effect on the next request; and
/// safety notices, told to the therapist without the words, first on the caseload until they look.
/// </summary>
public sealed class SharedWritingTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private const string Risky = "Honestly I just want to kill myself tonight.";

    private readonly CareTeamSetup _setup = new(factory);

    private static async Task<JsonElement> ClientViewAsync(HttpClient therapist, Guid relationship) =>
        await Ok(await therapist.GetAsync($"/api/v1/caseload/{relationship}", Cancel));

    private static List<Guid> Shared(JsonElement view, string category) =>
        view.GetProperty("writing").GetProperty(category) is { ValueKind: JsonValueKind.Array } list ? [.. list.EnumerateArray().Select(e => e.GetProperty("id").GetGuid())] : [];

    private static Task<HttpResponseMessage> MarkAsync(HttpClient client, Guid relationship, Guid entry, string choice) =>
        client.PutAsJsonAsync($"/api/v1/care-team/{relationship}/entries/{entry}", new { choice }, Cancel);

    private async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task A_shared_journal_shows_from_now_on_and_an_entry_kept_private_vanishes_at_once()
    {
        var clinic = await _setup.ClinicAsync();
        var email = InnerAllyFactory.NewEmail();
        var http = await factory.CreateClientForNewPersonAsync(email);
        var (before, _) = await CreateAsync(http, JournalUrl, Body(JournalUrl, "written before sharing"));
        var code = await CodeAsync(clinic.Therapist);
        var relationship = (await Ok(await http.PostAsJsonAsync("/api/v1/invitations/accept", new { code, clientName = "Jo", sharing = Choices(SharingCategories.Journal) }, Cancel)))
            .GetProperty("id").GetGuid();
        var (after, _) = await CreateAsync(http, JournalUrl, Body(JournalUrl, "written after sharing"));

        var view = await ClientViewAsync(clinic.Therapist, relationship);
        Assert.Equal([after], Shared(view, SharingCategories.Journal));
        Assert.Equal(JsonValueKind.Null, view.GetProperty("writing").GetProperty(SharingCategories.Letters).ValueKind);
        var entry = await Ok(await clinic.Therapist.GetAsync($"/api/v1/caseload/{relationship}/writing/{after}", Cancel));
        Assert.Contains(entry.GetProperty("sections").EnumerateArray(), s => s.GetProperty("text").GetString() == "Today: written after sharing.");
        Assert.Equal(HttpStatusCode.NotFound, (await clinic.Therapist.GetAsync($"/api/v1/caseload/{relationship}/writing/{before}", Cancel)).StatusCode);

        // The client sees the entry is shared, and why; keeping it private takes effect on the next request.
        var status = await Ok(await http.GetAsync($"/api/v1/care-team/entries/{after}", Cancel));
        var mark = Assert.Single(status.GetProperty("therapists").EnumerateArray());
        Assert.True(mark.GetProperty("shared").GetBoolean());
        Assert.Equal("category", mark.GetProperty("because").GetString());
        var changed = await Ok(await MarkAsync(http, relationship, after, EntrySharing.Private));
        Assert.False(changed.GetProperty("therapists")[0].GetProperty("shared").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await clinic.Therapist.GetAsync($"/api/v1/caseload/{relationship}/writing/{after}", Cancel)).StatusCode);
        Assert.Empty(Shared(await ClientViewAsync(clinic.Therapist, relationship), SharingCategories.Journal));

        // The earlier entry, shared alone; then both back to what the category says.
        await Ok(await MarkAsync(http, relationship, before, EntrySharing.Share));
        Assert.Equal([before], Shared(await ClientViewAsync(clinic.Therapist, relationship), SharingCategories.Journal));
        await Ok(await MarkAsync(http, relationship, before, EntrySharing.AsCategory));
        await Ok(await MarkAsync(http, relationship, after, EntrySharing.AsCategory));
        Assert.Equal([after], Shared(await ClientViewAsync(clinic.Therapist, relationship), SharingCategories.Journal));

        // Each entry read is a look of its own, naming the entry and never its words.
        var looks = await Ok(await http.GetAsync("/api/v1/care-team/looks", Cancel));
        Assert.Contains(looks.GetProperty("items").EnumerateArray(), l => l.GetProperty("entryId").ValueKind == JsonValueKind.String && l.GetProperty("entryId").GetGuid() == after);
        var mine = await Ok(await clinic.Therapist.GetAsync("/api/v1/caseload/looks", Cancel));
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), l => l.GetProperty("entryId").ValueKind == JsonValueKind.String && l.GetProperty("entryId").GetGuid() == after
            && l.GetProperty("clientName").GetString() == "Jo");
        Assert.Empty((await Ok(await http.GetAsync("/api/v1/caseload/looks", Cancel))).GetProperty("items").EnumerateArray());
        var what = await DbAsync(db => db.CareAccessRecords.Where(r => r.RelationshipId == relationship).Select(r => r.What + r.Via + r.TherapistName).ToListAsync(Cancel));
        Assert.DoesNotContain(what, w => w.Contains("written", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_entry_can_be_shared_alone_in_a_category_that_is_not_shared_and_a_draft_letter_never()
    {
        var clinic = await _setup.ClinicAsync();
        var client = await _setup.ClientAsync(clinic.Therapist, SharingCategories.CheckInRatings);
        var (record, _) = await CreateAsync(client.Http, AllyRecordsUrl, Body(AllyRecordsUrl, "the kestrel record"));
        var (card, _) = await CreateAsync(client.Http, AllyCardsUrl, Body(AllyCardsUrl, "the kestrel card"));
        var (draft, _) = await CreateAsync(client.Http, LettersUrl, Brief(LettersUrl, "Dear me, a start."));

        Assert.Equal(JsonValueKind.Null, (await ClientViewAsync(clinic.Therapist, client.RelationshipId)).GetProperty("writing").GetProperty(SharingCategories.AllyRecords).ValueKind);
        await Ok(await MarkAsync(client.Http, client.RelationshipId, record, EntrySharing.Share));
        var view = await ClientViewAsync(clinic.Therapist, client.RelationshipId);
        Assert.Equal([record], Shared(view, SharingCategories.AllyRecords));
        Assert.Equal(JsonValueKind.Null, view.GetProperty("writing").GetProperty(SharingCategories.AllyCards).ValueKind);
        var entry = await Ok(await clinic.Therapist.GetAsync($"/api/v1/caseload/{client.RelationshipId}/writing/{record}", Cancel));
        Assert.Contains(entry.GetProperty("sections").EnumerateArray(), s => s.GetProperty("text").GetString() == "Critic the kestrel record.");
        Assert.Contains(entry.GetProperty("sections").EnumerateArray(), s => s.GetProperty("text").GetString()!.Contains("8 at first, 4 at the end", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await clinic.Therapist.GetAsync($"/api/v1/caseload/{client.RelationshipId}/writing/{card}", Cancel)).StatusCode);

        var refused = await MarkAsync(client.Http, client.RelationshipId, draft, EntrySharing.Share);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("choice", out _));
        var bad = await MarkAsync(client.Http, client.RelationshipId, card, "everyone");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("choice", out _));
        Assert.Equal(0, await DbAsync(db => db.EntryShares.CountAsync(s => s.EntryId == draft || s.EntryId == card, Cancel)));

        // Someone else's entry, or someone else's therapist: 404, as for an id that does not exist.
        var other = await factory.CreateClientForNewPersonAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await MarkAsync(other, client.RelationshipId, record, EntrySharing.Private)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/care-team/entries/{record}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await MarkAsync(client.Http, Guid.NewGuid(), record, EntrySharing.Private)).StatusCode);
    }

    [Fact]
    public async Task A_safety_notice_reaches_the_therapist_without_the_words_and_comes_first_until_they_look()
    {
        var clinic = await _setup.ClinicAsync();
        var calm = await _setup.ClientAsync(clinic.Therapist, SharingCategories.CheckInRatings, SharingCategories.SafetyNotices);
        var telling = await _setup.ClientAsync(clinic.Therapist, SharingCategories.SafetyNotices);
        var quiet = await _setup.ClientAsync(clinic.Therapist, SharingCategories.CheckInRatings);

        var (_, saved) = await CreateAsync(telling.Http, JournalUrl, new { text = Risky });
        Assert.True(saved.GetProperty("safety").GetProperty("triggered").GetBoolean());
        await CreateAsync(quiet.Http, JournalUrl, new { text = Risky });

        var rows = (await Ok(await clinic.Therapist.GetAsync("/api/v1/caseload", Cancel))).GetProperty("clients").EnumerateArray().ToList();
        Assert.Equal(telling.RelationshipId, rows[0].GetProperty("id").GetGuid());
        Assert.Equal(1, rows[0].GetProperty("safetyNotices").GetProperty("sinceLastLook").GetInt32());
        Assert.Contains("safety notice", rows[0].GetProperty("attention")[0].GetString(), StringComparison.Ordinal);
        var calmRow = rows.Single(r => r.GetProperty("id").GetGuid() == calm.RelationshipId);
        Assert.Equal(0, calmRow.GetProperty("safetyNotices").GetProperty("sinceLastLook").GetInt32());
        Assert.Equal(JsonValueKind.Null, rows.Single(r => r.GetProperty("id").GetGuid() == quiet.RelationshipId).GetProperty("safetyNotices").ValueKind);

        // The client's page shows when and where, and not the words (the journal is not shared).
        var view = await ClientViewAsync(clinic.Therapist, telling.RelationshipId);
        Assert.Equal("a journal entry", Assert.Single(view.GetProperty("safetyNotices").EnumerateArray()).GetProperty("after").GetString());
        Assert.DoesNotContain("kill", view.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var after = (await Ok(await clinic.Therapist.GetAsync("/api/v1/caseload", Cancel))).GetProperty("clients").EnumerateArray()
            .Single(r => r.GetProperty("id").GetGuid() == telling.RelationshipId);
        Assert.Equal(0, after.GetProperty("safetyNotices").GetProperty("sinceLastLook").GetInt32());

        // Kept only for the one who shares safety notices: nothing for the client who does not.
        var quietId = await DbAsync(db => db.CareRelationships.Where(r => r.Id == quiet.RelationshipId).Select(r => r.UserId).SingleAsync(Cancel));
        Assert.Equal(0, await DbAsync(db => db.SafetyNoticeRecords.CountAsync(r => r.UserId == quietId, Cancel)));
    }

    [Fact]
    public async Task Lessons_read_reflections_and_the_safety_plan_show_only_as_shared()
    {
        var clinic = await _setup.ClinicAsync();
        var email = InnerAllyFactory.NewEmail();
        var http = await factory.CreateClientForNewPersonAsync(email);
        await Ok(await http.PostAsJsonAsync("/api/v1/lessons/shame-and-guilt/read", new { }, Cancel));
        await Ok(await http.PostAsJsonAsync("/api/v1/lessons/shame-and-guilt/reflection", new { text = "An older thought about the bittern." }, Cancel));
        await Ok(await http.PutAsJsonAsync("/api/v1/safety-plan", new { warningSigns = "Staying in bed past noon.", mattersMost = "My niece." }, Cancel));
        var code = await CodeAsync(clinic.Therapist);
        var relationship = (await Ok(await http.PostAsJsonAsync("/api/v1/invitations/accept", new
        {
            code,
            clientName = "Jo",
            sharing = Choices(SharingCategories.Lessons + "+", SharingCategories.SafetyPlan + "+"),
        }, Cancel))).GetProperty("id").GetGuid();

        var view = await ClientViewAsync(clinic.Therapist, relationship);
        Assert.Equal("shame-and-guilt", Assert.Single(view.GetProperty("lessons").EnumerateArray()).GetProperty("slug").GetString());
        Assert.Equal(["Staying in bed past noon.", "My niece."], view.GetProperty("safetyPlan").GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("text").GetString()));
        Assert.Equal(JsonValueKind.Null, view.GetProperty("reflections").ValueKind);
        Assert.DoesNotContain("bittern", view.GetRawText(), StringComparison.Ordinal);

        // Reflections from now on: the older one stays out until it is written again.
        await Ok(await http.PutAsJsonAsync($"/api/v1/care-team/{relationship}/sharing", new
        {
            sharing = Choices(SharingCategories.Lessons + "+", SharingCategories.SafetyPlan + "+", SharingCategories.LessonReflections),
        }, Cancel));
        Assert.Empty((await ClientViewAsync(clinic.Therapist, relationship)).GetProperty("reflections").EnumerateArray());
        await Ok(await http.PostAsJsonAsync("/api/v1/lessons/shame-and-guilt/reflection", new { text = "A newer thought about the bittern." }, Cancel));
        var reflection = Assert.Single((await ClientViewAsync(clinic.Therapist, relationship)).GetProperty("reflections").EnumerateArray());
        Assert.Equal("A newer thought about the bittern.", reflection.GetProperty("text").GetString());
        Assert.False(string.IsNullOrWhiteSpace(reflection.GetProperty("question").GetString()));

        // The plan taken back: gone on the next request.
        await Ok(await http.PutAsJsonAsync($"/api/v1/care-team/{relationship}/sharing", new { sharing = Choices(SharingCategories.Lessons) }, Cancel));
        var after = await ClientViewAsync(clinic.Therapist, relationship);
        Assert.Equal(JsonValueKind.Null, after.GetProperty("safetyPlan").ValueKind);
        Assert.DoesNotContain("niece", after.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_a_therapist_deletes_their_account_the_client_keeps_the_record_of_the_work_ended()
    {
        var clinic = await _setup.ClinicAsync();
        var client = await _setup.ClientAsync(clinic.Therapist, SharingCategories.CheckInRatings);
        await Ok(await clinic.Therapist.GetAsync($"/api/v1/caseload/{client.RelationshipId}", Cancel));

        using var erase = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/account") { Content = JsonContent.Create(new { password = InnerAllyFactory.GoodPassword }) };
        Assert.Equal(HttpStatusCode.NoContent, (await clinic.Therapist.SendAsync(erase, Cancel)).StatusCode);

        Assert.Empty((await Ok(await client.Http.GetAsync("/api/v1/care-team", Cancel))).GetProperty("therapists").EnumerateArray());
        var export = await Ok(await client.Http.GetAsync("/api/v1/account/export", Cancel));
        var kept = Assert.Single(export.GetProperty("careTeam").GetProperty("therapists").EnumerateArray());
        Assert.Equal("Dr Sam Rivera", kept.GetProperty("therapistName").GetString());
        Assert.Equal("therapist", kept.GetProperty("endedBy").GetString());
        Assert.Equal(JsonValueKind.String, kept.GetProperty("endedAt").ValueKind);
        Assert.Single(export.GetProperty("careTeam").GetProperty("looks").EnumerateArray());
    }

    [Fact]
    public async Task A_questionnaire_answer_about_safety_is_told_as_a_questionnaire()
    {
        var clinic = await _setup.ClinicAsync();
        var client = await _setup.ClientAsync(clinic.Therapist, SharingCategories.SafetyNotices);
        var answers = Enumerable.Range(1, 9).ToDictionary(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture), i => i == 9 ? 2 : 1);
        await Ok(await client.Http.PostAsJsonAsync("/api/v1/instruments/phq9/responses", new { answers, status = "complete" }, Cancel));

        var view = await ClientViewAsync(clinic.Therapist, client.RelationshipId);
        Assert.Equal("a questionnaire", Assert.Single(view.GetProperty("safetyNotices").EnumerateArray()).GetProperty("after").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("questionnaires").ValueKind);
    }
}
