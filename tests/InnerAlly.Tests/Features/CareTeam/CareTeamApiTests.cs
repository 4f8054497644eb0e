using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Data;
using InnerAlly.Features.CareTeam;
using InnerAlly.Features.Measures;
using InnerAlly.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static InnerAlly.Tests.Features.CareTeam.CareTeamSetup;

namespace InnerAlly.Tests.Features.CareTeam;

/// <summary>A therapist's code, a client accepting it with the sharing they choose, and what the therapist then sees, through the API.</summary>
public sealed class CareTeamApiTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly CareTeamSetup _setup = new(factory);

    private static Task<HttpResponseMessage> CheckInAsync(HttpClient client, int threat, string? note = null) =>
        client.PostAsJsonAsync("/api/v1/check-ins", new { threat, drive = 4, soothe = 3, emotions = new[] { "anxious" }, note }, Cancel);

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
    }

    private async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [Fact]
    public async Task A_client_accepts_a_code_sharing_ratings_and_the_therapist_sees_them_and_the_look_is_recorded()
    {
        var clinic = await _setup.ClinicAsync();
        var code = await CodeAsync(clinic.Therapist);
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        var client = await factory.CreateClientForNewPersonAsync();

        var preview = await Ok(await client.GetAsync($"/api/v1/invitations/code/{code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)}", Cancel));
        Assert.Equal("Dr Sam Rivera", preview.GetProperty("therapistName").GetString());
        Assert.Contains(preview.GetProperty("categories").EnumerateArray(), c => c.GetProperty("key").GetString() == SharingCategories.CheckInRatings);

        var accepted = await Ok(await client.PostAsJsonAsync("/api/v1/invitations/accept", new { code, clientName = " Jo ", sharing = Choices(SharingCategories.CheckInRatings) }, Cancel));
        var id = accepted.GetProperty("id").GetGuid();
        Assert.Equal("Jo", accepted.GetProperty("clientName").GetString());
        await Ok(await CheckInAsync(client, 8, "a note the therapist may not read"));

        var caseload = await Ok(await clinic.Therapist.GetAsync("/api/v1/caseload", Cancel));
        var row = Assert.Single(caseload.GetProperty("clients").EnumerateArray());
        Assert.Equal(id, row.GetProperty("id").GetGuid());
        Assert.Equal(8, row.GetProperty("checkIns").GetProperty("threat").GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("questionnaires").ValueKind);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("practices").ValueKind);

        var one = await Ok(await clinic.Therapist.GetAsync($"/api/v1/caseload/{id}", Cancel));
        var checkIn = Assert.Single(one.GetProperty("checkIns").EnumerateArray());
        Assert.Equal(8, checkIn.GetProperty("threat").GetInt32());
        Assert.Equal(JsonValueKind.Null, checkIn.GetProperty("note").ValueKind);
        Assert.Equal(JsonValueKind.Null, checkIn.GetProperty("emotions").ValueKind);
        Assert.DoesNotContain("may not read", one.ToString(), StringComparison.Ordinal);

        var looks = (await Ok(await client.GetAsync("/api/v1/care-team/looks", Cancel))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, looks.Count);
        Assert.Equal("GET /api/v1/caseload/{id:guid}", looks[0].GetProperty("via").GetString());
        Assert.Equal("GET /api/v1/caseload", looks[1].GetProperty("via").GetString());
        Assert.All(looks, l => Assert.Equal("Dr Sam Rivera", l.GetProperty("therapist").GetString()));
        Assert.Equal([SharingCategories.CheckInRatings], looks[0].GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Nothing_is_shared_until_chosen_and_not_shared_never_says_whether_anything_exists()
    {
        var clinic = await _setup.ClinicAsync();
        var client = await _setup.ClientAsync(clinic.Therapist);
        await Ok(await CheckInAsync(client.Http, 9));

        var row = Assert.Single((await Ok(await clinic.Therapist.GetAsync("/api/v1/caseload", Cancel))).GetProperty("clients").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("checkIns").ValueKind);
        Assert.Empty(row.GetProperty("attention").EnumerateArray());
        var one = await Ok(await clinic.Therapist.GetAsync($"/api/v1/caseload/{client.RelationshipId}", Cancel));
        Assert.Equal(JsonValueKind.Null, one.GetProperty("checkIns").ValueKind);
        Assert.Equal(JsonValueKind.Null, one.GetProperty("trend").ValueKind);
        Assert.Empty(one.GetProperty("shared").EnumerateArray());

        // Nothing of theirs was read, so nothing is recorded.
        Assert.Empty((await Ok(await client.Http.GetAsync("/api/v1/care-team/looks", Cancel))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task From_now_on_leaves_out_what_came_before_and_including_earlier_brings_it_in()
    {
        var clinic = await _setup.ClinicAsync();
        var email = InnerAllyFactory.NewEmail();
        var http = await factory.CreateClientForNewPersonAsync(email);
        await Ok(await CheckInAsync(http, 2));
        var code = await CodeAsync(clinic.Therapist);
        var id = (await Ok(await http.PostAsJsonAsync("/api/v1/invitations/accept", new { code, clientName = "Jo", sharing = Choices(SharingCategories.CheckInRatings) }, Cancel))).GetProperty("id").GetGuid();
        await Ok(await CheckInAsync(http, 7));

        var fromNow = await Ok(await clinic.Therapist.GetAsync($"/api/v1/caseload/{id}", Cancel));
        Assert.Equal([7], fromNow.GetProperty("checkIns").EnumerateArray().Select(c => c.GetProperty("threat").GetInt32()));

        await Ok(await http.PutAsJsonAsync($"/api/v1/care-team/{id}/sharing", new { sharing = Choices(SharingCategories.CheckInRatings + "+") }, Cancel));
        var everything = await Ok(await clinic.Therapist.GetAsync($"/api/v1/caseload/{id}", Cancel));
        Assert.Equal([7, 2], everything.GetProperty("checkIns").EnumerateArray().Select(c => c.GetProperty("threat").GetInt32()));
    }

    [Fact]
    public async Task Notes_are_seen_only_when_shared_and_revoking_takes_effect_on_the_very_next_request()
    {
        var clinic = await _setup.ClinicAsync();
        var client = await _setup.ClientAsync(clinic.Therapist, SharingCategories.CheckInRatings, SharingCategories.CheckInNotes);
        await Ok(await CheckInAsync(client.Http, 6, "slept badly"));
        var url = $"/api/v1/caseload/{client.RelationshipId}";

        var shared = Assert.Single((await Ok(await clinic.Therapist.GetAsync(url, Cancel))).GetProperty("checkIns").EnumerateArray());
        Assert.Equal("slept badly", shared.GetProperty("note").GetString());
        Assert.Equal(["anxious"], shared.GetProperty("emotions").EnumerateArray().Select(e => e.GetString()));

        await Ok(await client.Http.PutAsJsonAsync($"/api/v1/care-team/{client.RelationshipId}/sharing", new { sharing = Array.Empty<object>() }, Cancel));
        var revoked = await Ok(await clinic.Therapist.GetAsync(url, Cancel));
        Assert.Equal(JsonValueKind.Null, revoked.GetProperty("checkIns").ValueKind);
        Assert.DoesNotContain("slept badly", revoked.ToString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await client.Http.DeleteAsync($"/api/v1/care-team/{client.RelationshipId}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clinic.Therapist.GetAsync(url, Cancel)).StatusCode);
        Assert.Empty((await Ok(await clinic.Therapist.GetAsync("/api/v1/caseload", Cancel))).GetProperty("clients").EnumerateArray());
        Assert.Empty((await Ok(await client.Http.GetAsync("/api/v1/care-team", Cancel))).GetProperty("therapists").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.PutAsJsonAsync($"/api/v1/care-team/{client.RelationshipId}/sharing", new { sharing = Choices(SharingCategories.CheckInRatings) }, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Anyone_but_the_active_therapist_gets_404_exactly_as_for_an_id_that_does_not_exist()
    {
        var clinic = await _setup.ClinicAsync();
        var other = await _setup.ClinicAsync("Dr Kim Lee");
        var client = await _setup.ClientAsync(clinic.Therapist, SharingCategories.CheckInRatings);
        var stranger = await factory.CreateClientForNewPersonAsync();
        var url = $"/api/v1/caseload/{client.RelationshipId}";

        foreach (var someone in new[] { other.Therapist, clinic.Admin, stranger, client.Http })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await someone.GetAsync(url, Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await someone.GetAsync($"/api/v1/caseload/{Guid.NewGuid()}", Cancel)).StatusCode);
            Assert.Empty((await Ok(await someone.GetAsync("/api/v1/caseload", Cancel))).GetProperty("clients").EnumerateArray());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await clinic.Admin.PostAsJsonAsync("/api/v1/invitations", new { }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Therapist.PutAsJsonAsync($"/api/v1/care-team/{client.RelationshipId}/sharing", new { sharing = Array.Empty<object>() }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Therapist.DeleteAsync(url, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clinic.Therapist.GetAsync(url, Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_therapist_loses_every_access_at_once()
    {
        var clinic = await _setup.ClinicAsync();
        var client = await _setup.ClientAsync(clinic.Therapist, SharingCategories.CheckInRatings);
        var staff = await Ok(await clinic.Admin.GetAsync($"/api/v1/clinics/{clinic.Slug}/staff", Cancel));
        var therapistId = staff.GetProperty("staff").EnumerateArray().Single(m => m.GetProperty("displayName").GetString() == "Dr Sam Rivera").GetProperty("id").GetGuid();
        static bool SeesNow(JsonElement team) => team.GetProperty("therapists").EnumerateArray().Single().GetProperty("seesNow").GetBoolean();
        Assert.True(SeesNow(await Ok(await client.Http.GetAsync("/api/v1/care-team", Cancel))));

        await Ok(await clinic.Admin.PostAsync($"/api/v1/clinics/{clinic.Slug}/staff/{therapistId}/deactivate", null, Cancel));

        // The client is told, and keeps their choices for when the therapist is back.
        var team = await Ok(await client.Http.GetAsync("/api/v1/care-team", Cancel));
        Assert.False(SeesNow(team));
        Assert.Equal(SharingCategories.CheckInRatings, team.GetProperty("therapists").EnumerateArray().Single().GetProperty("sharing").EnumerateArray().Single().GetProperty("category").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await clinic.Therapist.GetAsync($"/api/v1/caseload/{client.RelationshipId}", Cancel)).StatusCode);
        Assert.Empty((await Ok(await clinic.Therapist.GetAsync("/api/v1/caseload", Cancel))).GetProperty("clients").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await clinic.Therapist.PostAsJsonAsync("/api/v1/invitations", new { }, Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_code_works_once_and_not_after_it_is_withdrawn_or_expired()
    {
        var clinic = await _setup.ClinicAsync();
        var code = await CodeAsync(clinic.Therapist);
        var first = await factory.CreateClientForNewPersonAsync();
        var second = await factory.CreateClientForNewPersonAsync();
        await Ok(await first.PostAsJsonAsync("/api/v1/invitations/accept", new { code, clientName = "Jo" }, Cancel));

        var again = await ErrorsAsync(await second.PostAsJsonAsync("/api/v1/invitations/accept", new { code, clientName = "Sam" }, Cancel));
        Assert.Equal(AcceptClientInvitation.NotOpen, again.GetProperty("code")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/api/v1/invitations/code/{code}", Cancel)).StatusCode);

        var withdrawn = await Ok(await clinic.Therapist.PostAsJsonAsync("/api/v1/invitations", new { }, Cancel));
        var open = await Ok(await clinic.Therapist.GetAsync("/api/v1/invitations", Cancel));
        Assert.Contains(open.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == withdrawn.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NoContent, (await clinic.Therapist.DeleteAsync($"/api/v1/invitations/{withdrawn.GetProperty("id").GetGuid()}", Cancel)).StatusCode);
        await ErrorsAsync(await second.PostAsJsonAsync("/api/v1/invitations/accept", new { code = withdrawn.GetProperty("code").GetString(), clientName = "Sam" }, Cancel));

        var expiring = await Ok(await clinic.Therapist.PostAsJsonAsync("/api/v1/invitations", new { }, Cancel));
        var expiringId = expiring.GetProperty("id").GetGuid();
        await DbAsync(db => db.ClientInvitations.Where(i => i.Id == expiringId).ExecuteUpdateAsync(i => i.SetProperty(x => x.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)), Cancel));
        await ErrorsAsync(await second.PostAsJsonAsync("/api/v1/invitations/accept", new { code = expiring.GetProperty("code").GetString(), clientName = "Sam" }, Cancel));

        var own = await ErrorsAsync(await clinic.Therapist.PostAsJsonAsync("/api/v1/invitations/accept", new { code = await CodeAsync(clinic.Therapist), clientName = "Me" }, Cancel));
        Assert.Equal(AcceptClientInvitation.OwnInvitation, own.GetProperty("code")[0].GetString());
    }

    [Fact]
    public async Task Codes_are_kept_only_as_hashes_and_the_email_sealed()
    {
        var clinic = await _setup.ClinicAsync();
        var invited = await Ok(await clinic.Therapist.PostAsJsonAsync("/api/v1/invitations", new { email = "marker-kestrel@example.org" }, Cancel));
        var code = invited.GetProperty("code").GetString()!.Replace("-", "", StringComparison.Ordinal);
        Assert.EndsWith(code, invited.GetProperty("joinPath").GetString(), StringComparison.Ordinal);

        var stored = await DbAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"CodeHash\" AS \"Value\" FROM \"ClientInvitations\"").ToListAsync(Cancel));
        Assert.Contains(ClientInvitation.HashOf(code), stored);
        Assert.DoesNotContain(stored, s => s.Contains(code, StringComparison.Ordinal));
        var emails = await DbAsync(db => db.Database.SqlQueryRaw<byte[]>("SELECT \"Email\" AS \"Value\" FROM \"ClientInvitations\" WHERE \"Email\" IS NOT NULL").ToListAsync(Cancel));
        Assert.DoesNotContain(emails, e => System.Text.Encoding.UTF8.GetString(e).Contains("kestrel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_input_is_400_naming_the_field_and_nothing_is_started()
    {
        var clinic = await _setup.ClinicAsync();
        var code = await CodeAsync(clinic.Therapist);
        var client = await factory.CreateClientForNewPersonAsync();

        var unknown = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/invitations/accept", new { code, clientName = "Jo", sharing = new[] { new { category = "diary" } } }, Cancel));
        Assert.True(unknown.TryGetProperty("sharing[0].category", out _), unknown.ToString());
        var notesAlone = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/invitations/accept", new { code, clientName = "Jo", sharing = Choices(SharingCategories.CheckInNotes) }, Cancel));
        Assert.Equal(ChangeSharing.NotesNeedRatings, notesAlone.GetProperty("sharing")[0].GetString());
        var noName = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/invitations/accept", new { code }, Cancel));
        Assert.True(noName.TryGetProperty("clientName", out _), noName.ToString());
        var badCode = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/invitations/accept", new { code = "not a code", clientName = "Jo" }, Cancel));
        Assert.True(badCode.TryGetProperty("code", out _), badCode.ToString());
        var badEmail = await ErrorsAsync(await clinic.Therapist.PostAsJsonAsync("/api/v1/invitations", new { email = "nope" }, Cancel));
        Assert.True(badEmail.TryGetProperty("email", out _), badEmail.ToString());

        Assert.Empty((await Ok(await client.GetAsync("/api/v1/care-team", Cancel))).GetProperty("therapists").EnumerateArray());
        await Ok(await client.PostAsJsonAsync("/api/v1/invitations/accept", new { code, clientName = "Jo" }, Cancel));
    }

    [Fact]
    public async Task The_admin_sees_how_many_clients_each_therapist_has_and_nothing_of_theirs()
    {
        var clinic = await _setup.ClinicAsync();
        var jo = await _setup.ClientAsync(clinic.Therapist, SharingCategories.CheckInRatings);
        await _setup.ClientAsync(clinic.Therapist);
        await Ok(await CheckInAsync(jo.Http, 9, "marker-plover"));
        var ended = await _setup.ClientAsync(clinic.Therapist);
        await Ok(await ended.Http.DeleteAsync($"/api/v1/care-team/{ended.RelationshipId}", Cancel));

        var staff = await clinic.Admin.GetAsync($"/api/v1/clinics/{clinic.Slug}/staff", Cancel);
        var text = await staff.Content.ReadAsStringAsync(Cancel);
        var members = JsonDocument.Parse(text).RootElement.GetProperty("staff").EnumerateArray().ToList();
        Assert.Equal(2, members.Single(m => m.GetProperty("displayName").GetString() == "Dr Sam Rivera").GetProperty("clients").GetInt32());
        Assert.Equal(0, members.Single(m => m.GetProperty("displayName").GetString() == "Alex Admin").GetProperty("clients").GetInt32());
        Assert.DoesNotContain("plover", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Jo", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Looks_at_the_same_clients_at_once_all_answer_and_each_takes_its_own_place_in_the_chain()
    {
        var clinic = await _setup.ClinicAsync();
        var second = await _setup.TherapistAsync(clinic, "Dr Kim Lee");
        var shared = new[] { SharingCategories.CheckInRatings };
        var clients = new List<Client>();
        for (var i = 0; i < 3; i++)
        {
            var client = await _setup.ClientAsync(clinic.Therapist, shared);
            var code = await CodeAsync(second.Therapist);
            await Ok(await client.Http.PostAsJsonAsync("/api/v1/invitations/accept", new { code, clientName = "Jo", sharing = Choices(shared) }, Cancel));
            clients.Add(client);
        }

        var looks = Enumerable.Range(0, 16).Select(i => (i % 2 == 0 ? clinic.Therapist : second.Therapist).GetAsync("/api/v1/caseload", Cancel));
        var answers = await Task.WhenAll(looks);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var ids = new List<Guid>();
        foreach (var client in clients)
        {
            var id = await DbAsync(db => db.Users.Where(u => u.Email == client.Email).Select(u => u.Id).SingleAsync(Cancel));
            Assert.Equal(Enumerable.Range(1, 16).Select(n => (long)n), await DbAsync(db => db.CareAccessRecords.Where(r => r.ClientId == id).OrderBy(r => r.Sequence).Select(r => r.Sequence).ToListAsync(Cancel)));
            ids.Add(id);
        }

        // These clients' chains hold (another test in this class breaks a chain of its own on purpose).
        var verified = await DbAsync(db => VerifyCareAudit.HandleAsync(db, Cancel));
        Assert.DoesNotContain(verified.Broken, b => ids.Contains(b.ClientId));
    }

    [Fact]
    public async Task The_access_record_holds_no_health_text_and_a_changed_row_breaks_the_chain()
    {
        var clinic = await _setup.ClinicAsync();
        var client = await _setup.ClientAsync(clinic.Therapist, SharingCategories.CheckInRatings, SharingCategories.CheckInNotes, SharingCategories.Questionnaires);
        await Ok(await CheckInAsync(client.Http, 6, "marker-heron in the note"));
        for (var i = 0; i < 3; i++)
        {
            await Ok(await clinic.Therapist.GetAsync($"/api/v1/caseload/{client.RelationshipId}", Cancel));
        }

        var clientId = await DbAsync(db => db.Users.Where(u => u.Email == client.Email).Select(u => u.Id).SingleAsync(Cancel));
        var rows = await DbAsync(db => db.CareAccessRecords.Where(r => r.ClientId == clientId).OrderBy(r => r.Sequence).ToListAsync(Cancel));
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Sequence));
        Assert.All(rows, r => Assert.DoesNotContain("heron", $"{r.What}{r.Via}{r.TherapistName}", StringComparison.Ordinal));
        Assert.True((await DbAsync(db => VerifyCareAudit.HandleAsync(db, Cancel))).Holds);

        await DbAsync(db => db.CareAccessRecords.Where(r => r.Id == rows[1].Id).ExecuteUpdateAsync(r => r.SetProperty(x => x.What, SharingCategories.Practices), Cancel));
        var broken = await DbAsync(db => VerifyCareAudit.HandleAsync(db, Cancel));
        Assert.False(broken.Holds);
        Assert.Contains(broken.Broken, b => b.ClientId == clientId && b.Sequence == 2);

        // A row taken off the end of a chain leaves every hash before it whole; the chain's recorded end shows it.
        var other = await _setup.ClientAsync(clinic.Therapist, SharingCategories.CheckInRatings);
        await Ok(await clinic.Therapist.GetAsync($"/api/v1/caseload/{other.RelationshipId}", Cancel));
        await Ok(await clinic.Therapist.GetAsync($"/api/v1/caseload/{other.RelationshipId}", Cancel));
        var otherId = await DbAsync(db => db.Users.Where(u => u.Email == other.Email).Select(u => u.Id).SingleAsync(Cancel));
        Assert.DoesNotContain((await DbAsync(db => VerifyCareAudit.HandleAsync(db, Cancel))).Broken, b => b.ClientId == otherId);
        await DbAsync(db => db.CareAccessRecords.Where(r => r.ClientId == otherId && r.Sequence == 2).ExecuteDeleteAsync(Cancel));
        var cut = Assert.Single((await DbAsync(db => VerifyCareAudit.HandleAsync(db, Cancel))).Broken, b => b.ClientId == otherId);
        Assert.Equal(2, cut.Sequence);
        Assert.Contains("end", cut.Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_caseload_scores_the_latest_questionnaire_against_the_first_shared_one_not_the_one_before()
    {
        var clinic = await _setup.ClinicAsync();
        var all = await _setup.ClientAsync(clinic.Therapist, SharingCategories.Questionnaires + "+");
        var email = InnerAllyFactory.NewEmail();
        var later = await factory.CreateClientForNewPersonAsync(email);
        await Ok(await Phq9Async(later, twos: 0));
        var code = await CodeAsync(clinic.Therapist);
        var laterId = (await Ok(await later.PostAsJsonAsync("/api/v1/invitations/accept", new { code, clientName = "Kit", sharing = Choices(SharingCategories.Questionnaires) }, Cancel))).GetProperty("id").GetGuid();
        await Ok(await Phq9Async(all.Http, twos: 0));
        foreach (var http in new[] { all.Http, later })
        {
            await Ok(await Phq9Async(http, twos: 7));
            await Ok(await Phq9Async(http, twos: 8));
        }

        var rows = (await Ok(await clinic.Therapist.GetAsync("/api/v1/caseload", Cancel))).GetProperty("clients").EnumerateArray().ToList();
        var first = Assert.Single(Assert.Single(rows, r => r.GetProperty("id").GetGuid() == all.RelationshipId).GetProperty("questionnaires").EnumerateArray());
        Assert.Equal(16, first.GetProperty("score").GetDecimal());
        Assert.Equal(16, first.GetProperty("changeFromFirst").GetDecimal());
        Assert.Equal(ScoreResponse.Deterioration, first.GetProperty("reliable").GetString());
        Assert.Equal(all.RelationshipId, rows[0].GetProperty("id").GetGuid());

        // Kit shares from now on: their first shared PHQ-9 is the 14, so the latest is 2 more, not 16.
        var kit = Assert.Single(Assert.Single(rows, r => r.GetProperty("id").GetGuid() == laterId).GetProperty("questionnaires").EnumerateArray());
        Assert.Equal(16, kit.GetProperty("score").GetDecimal());
        Assert.Equal(2, kit.GetProperty("changeFromFirst").GetDecimal());
        Assert.Equal("none", kit.GetProperty("reliable").GetString());
    }

    /// <summary>A complete PHQ-9 whose first <paramref name="twos"/> items are 2 and the rest 0 (never item 9), so its total is twice that.</summary>
    private static Task<HttpResponseMessage> Phq9Async(HttpClient client, int twos)
    {
        var answers = Enumerable.Range(1, 9).ToDictionary(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture), i => i <= twos ? 2 : 0);
        return client.PostAsJsonAsync("/api/v1/instruments/phq9/responses", new { answers, status = "complete" }, Cancel);
    }

    [Fact]
    public async Task The_client_previews_the_therapists_page_exactly_as_the_therapist_sees_it_and_no_look_is_recorded()
    {
        var clinic = await _setup.ClinicAsync();
        var client = await _setup.ClientAsync(clinic.Therapist, SharingCategories.CheckInRatings);
        await Ok(await CheckInAsync(client.Http, 8, "marker-finch in the note"));

        var preview = await client.Http.GetStringAsync($"/api/v1/care-team/{client.RelationshipId}/preview", Cancel);
        var parsed = JsonDocument.Parse(preview).RootElement;
        Assert.Equal(8, parsed.GetProperty("checkIns")[0].GetProperty("threat").GetInt32());
        Assert.DoesNotContain("marker-finch", preview, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, parsed.GetProperty("questionnaires").ValueKind);
        Assert.Empty((await Ok(await client.Http.GetAsync("/api/v1/care-team/looks", Cancel))).GetProperty("items").EnumerateArray());

        // The therapist's own answer is the same, word for word.
        Assert.Equal(preview, await clinic.Therapist.GetStringAsync($"/api/v1/caseload/{client.RelationshipId}", Cancel));

        Assert.Equal(HttpStatusCode.NotFound, (await clinic.Therapist.GetAsync($"/api/v1/care-team/{client.RelationshipId}/preview", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.CreateClientForNewPersonAsync()).GetAsync($"/api/v1/care-team/{client.RelationshipId}/preview", Cancel)).StatusCode);
        await Ok(await client.Http.DeleteAsync($"/api/v1/care-team/{client.RelationshipId}", Cancel));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/api/v1/care-team/{client.RelationshipId}/preview", Cancel)).StatusCode);
    }
}
