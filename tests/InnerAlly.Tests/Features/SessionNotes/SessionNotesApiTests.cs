using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Data;
using InnerAlly.Features.SessionNotes;
using InnerAlly.Tests.Features.CareTeam;
using InnerAlly.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static InnerAlly.Tests.Features.CareTeam.CareTeamSetup;
using static InnerAlly.Tests.Features.SessionNotes.SessionNoteSetup;

namespace InnerAlly.Tests.Features.SessionNotes;

/// <summary>
/// /api/v1/session-notes: the author writes and reads; colleagues read only while the clinic keeps a
/// shared clinical record; the admin, the client and another clinic never; a deactivated author
/// reads nothing; after the work ends the author still reads but writes no new note; and when the
/// client deletes their account the note stays with the clinic, with their name and email.
/// </summary>
public sealed class SessionNotesApiTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> sending) => (await sending).StatusCode;

    private static async Task<List<Guid>> ListedAsync(HttpClient http, Guid? client = null) =>
        [.. (await Ok(await http.GetAsync(client is null ? Url : $"{Url}?client={client}", Cancel))).GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("id").GetGuid())];

    [Fact]
    public async Task The_author_writes_and_reads_and_everyone_else_gets_404_until_the_clinic_shares_its_record()
    {
        var (clinic, client) = await PlaceAsync(factory);
        var colleague = await new CareTeamSetup(factory).TherapistAsync(clinic, "Dr Colleague");
        var other = await new CareTeamSetup(factory).ClinicAsync("Dr Elsewhere");

        var written = await Ok(await clinic.Therapist.PostAsJsonAsync(Url, Body(client.RelationshipId, "Noticing the critic's voice.", "No current risk; plan reviewed."), Cancel));
        var id = written.GetProperty("id").GetGuid();

        var read = await Ok(await clinic.Therapist.GetAsync($"{Url}/{id}", Cancel));
        Assert.Equal("Noticing the critic's voice.", read.GetProperty("current").GetProperty("workedOn").GetString());
        Assert.Equal("No current risk; plan reviewed.", read.GetProperty("current").GetProperty("risk").GetString());
        Assert.Equal("2026-12-03", read.GetProperty("current").GetProperty("sessionDate").GetString());
        Assert.Equal(50, read.GetProperty("current").GetProperty("minutes").GetInt32());
        Assert.Equal("Jo", read.GetProperty("clientName").GetString());
        Assert.Equal("Dr Sam Rivera", read.GetProperty("author").GetString());
        Assert.True(read.GetProperty("editable").GetBoolean());
        Assert.Contains(id, await ListedAsync(clinic.Therapist, client.RelationshipId));
        Assert.Contains(id, await ListedAsync(clinic.Therapist));

        var outsiders = new[] { colleague.Therapist, clinic.Admin, client.Http, other.Therapist, other.Admin };
        foreach (var outsider in outsiders)
        {
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(outsider.GetAsync($"{Url}/{id}", Cancel)));
            Assert.DoesNotContain(id, await ListedAsync(outsider));
            Assert.DoesNotContain(id, await ListedAsync(outsider, client.RelationshipId));
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(outsider.PutAsJsonAsync($"{Url}/{id}", Body(client.RelationshipId, "Taken over."), Cancel)));
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(outsider.PostAsJsonAsync($"{Url}/{id}/amendments", Body(client.RelationshipId, "Taken over."), Cancel)));
            // Nobody but the client's own therapist writes a note about them.
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(outsider.PostAsJsonAsync(Url, Body(client.RelationshipId, "Someone else's note."), Cancel)));
        }

        // The admin turns on the shared clinical record: colleagues read (never change), and the admin role still reads nothing.
        var turnedOn = await Ok(await clinic.Admin.PutAsJsonAsync($"/api/v1/clinics/{clinic.Slug}", new { name = "Harbour Therapy", timeZone = "Europe/London", sharedClinicalRecord = true }, Cancel));
        Assert.True(turnedOn.GetProperty("sharedClinicalRecord").GetBoolean());
        var shared = await Ok(await colleague.Therapist.GetAsync($"{Url}/{id}", Cancel));
        Assert.Equal("Noticing the critic's voice.", shared.GetProperty("current").GetProperty("workedOn").GetString());
        Assert.False(shared.GetProperty("editable").GetBoolean());
        Assert.False(shared.GetProperty("amendable").GetBoolean());
        Assert.Contains(id, await ListedAsync(colleague.Therapist, client.RelationshipId));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(colleague.Therapist.PutAsJsonAsync($"{Url}/{id}", Body(client.RelationshipId, "Taken over."), Cancel)));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(colleague.Therapist.PostAsJsonAsync($"{Url}/{id}/amendments", Body(client.RelationshipId, "Taken over."), Cancel)));
        foreach (var outsider in new[] { clinic.Admin, client.Http, other.Therapist, other.Admin })
        {
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(outsider.GetAsync($"{Url}/{id}", Cancel)));
        }

        // Left out of a later change of details, the setting stays; turned off, colleagues read nothing again.
        Assert.True((await Ok(await clinic.Admin.PutAsJsonAsync($"/api/v1/clinics/{clinic.Slug}", new { name = "Harbour Therapy", timeZone = "Europe/London" }, Cancel))).GetProperty("sharedClinicalRecord").GetBoolean());
        await Ok(await clinic.Admin.PutAsJsonAsync($"/api/v1/clinics/{clinic.Slug}", new { name = "Harbour Therapy", timeZone = "Europe/London", sharedClinicalRecord = false }, Cancel));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(colleague.Therapist.GetAsync($"{Url}/{id}", Cancel)));
        Assert.Equal("Noticing the critic's voice.", (await Ok(await clinic.Therapist.GetAsync($"{Url}/{id}", Cancel))).GetProperty("current").GetProperty("workedOn").GetString());
    }

    [Fact]
    public async Task A_note_that_is_not_complete_is_400_naming_each_field_and_nothing_is_kept()
    {
        var (clinic, client) = await PlaceAsync(factory);

        // The fields first, then how they go together (a known kind, words under at least one heading).
        var requests = new (object Body, string[] Fields)[]
        {
            (new { client = client.RelationshipId, minutes = 0, kind = "session", workedOn = "Something." }, ["sessionDate", "minutes"]),
            (new { client = client.RelationshipId, sessionDate = "2026-12-03", minutes = 50, kind = "chat" }, ["kind", "workedOn"]),
        };
        foreach (var (body, fields) in requests)
        {
            var response = await clinic.Therapist.PostAsJsonAsync(Url, body, Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
            foreach (var field in fields)
            {
                Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
            }
        }

        var noClient = await clinic.Therapist.PostAsJsonAsync(Url, new { sessionDate = "2026-12-03", minutes = 50, kind = "session", workedOn = "Something." }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, noClient.StatusCode);
        Assert.True((await noClient.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("client", out _));
        var tooLong = await clinic.Therapist.PostAsJsonAsync(Url, Body(client.RelationshipId, new string('a', SessionNoteVersion.TextMaxLength + 1)), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Empty(await ListedAsync(clinic.Therapist, client.RelationshipId));
    }

    [Fact]
    public async Task After_the_work_ends_the_author_still_reads_their_notes_but_writes_no_new_one_and_a_deactivated_author_reads_nothing()
    {
        var (clinic, client) = await PlaceAsync(factory);
        var id = (await WriteAsync(clinic.Therapist, client.RelationshipId, "Before the end.")).GetProperty("id").GetGuid();

        await Ok(await client.Http.DeleteAsync($"/api/v1/care-team/{client.RelationshipId}", Cancel));

        Assert.Equal("Before the end.", (await Ok(await clinic.Therapist.GetAsync($"{Url}/{id}", Cancel))).GetProperty("current").GetProperty("workedOn").GetString());
        Assert.Contains(id, await ListedAsync(clinic.Therapist, client.RelationshipId));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(clinic.Therapist.PostAsJsonAsync(Url, Body(client.RelationshipId, "After the end."), Cancel)));
        // Correcting the record is still the author's to do.
        Assert.Equal(HttpStatusCode.Created, await StatusAsync(clinic.Therapist.PostAsJsonAsync($"{Url}/{id}/amendments", Body(client.RelationshipId, "Before the end, corrected."), Cancel)));

        var staff = await Ok(await clinic.Admin.GetAsync($"/api/v1/clinics/{clinic.Slug}/staff", Cancel));
        var member = staff.GetProperty("staff").EnumerateArray().Single(m => m.GetProperty("displayName").GetString() == "Dr Sam Rivera").GetProperty("id").GetGuid();
        await Ok(await clinic.Admin.PostAsync($"/api/v1/clinics/{clinic.Slug}/staff/{member}/deactivate", null, Cancel));

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(clinic.Therapist.GetAsync($"{Url}/{id}", Cancel)));
        Assert.DoesNotContain(id, await ListedAsync(clinic.Therapist));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(clinic.Therapist.PostAsJsonAsync($"{Url}/{id}/amendments", Body(client.RelationshipId, "Deactivated."), Cancel)));
    }

    [Fact]
    public async Task When_the_client_deletes_their_account_the_note_stays_with_the_clinic_with_their_name_and_email()
    {
        var (clinic, client) = await PlaceAsync(factory);
        var id = (await WriteAsync(clinic.Therapist, client.RelationshipId, "Kept by the clinic.")).GetProperty("id").GetGuid();

        var deleted = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/account") { Content = JsonContent.Create(new { password = InnerAllyFactory.GoodPassword }) }, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var kept = await Ok(await clinic.Therapist.GetAsync($"{Url}/{id}", Cancel));
        Assert.Equal("Kept by the clinic.", kept.GetProperty("current").GetProperty("workedOn").GetString());
        Assert.Equal("Jo", kept.GetProperty("clientName").GetString());
        Assert.Equal(JsonValueKind.Null, kept.GetProperty("relationshipId").ValueKind);
        Assert.Contains(id, await ListedAsync(clinic.Therapist));

        // The clinic's export for a subject access request still finds it by the address the client had.
        await using var scope = factory.Services.CreateAsyncScope();
        var record = await ExportClientRecord.HandleAsync(clinic.Slug, client.Email.ToUpperInvariant(), scope.ServiceProvider.GetRequiredService<AppDbContext>(), TimeProvider.System, Cancel);
        var note = Assert.Single(record!.SessionNotes);
        Assert.Equal(id, note.Id);
        Assert.Equal(client.Email, note.ClientEmail);
        Assert.Equal("Jo", note.ClientName);
        Assert.True(note.ClientAccountDeleted);
        Assert.Equal("Kept by the clinic.", Assert.Single(note.Versions).WorkedOn);
    }

    [Fact]
    public async Task When_the_author_deletes_their_account_the_note_stays_with_the_clinic_under_their_name()
    {
        var (clinic, client) = await PlaceAsync(factory);
        var colleague = await new CareTeamSetup(factory).TherapistAsync(clinic, "Dr Colleague");
        var id = (await WriteAsync(clinic.Therapist, client.RelationshipId, "Written before leaving.")).GetProperty("id").GetGuid();
        await Ok(await clinic.Admin.PutAsJsonAsync($"/api/v1/clinics/{clinic.Slug}", new { name = "Harbour Therapy", timeZone = "Europe/London", sharedClinicalRecord = true }, Cancel));

        var deleted = await clinic.Therapist.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/account") { Content = JsonContent.Create(new { password = InnerAllyFactory.GoodPassword }) }, Cancel);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var kept = await Ok(await colleague.Therapist.GetAsync($"{Url}/{id}", Cancel));
        Assert.Equal("Written before leaving.", kept.GetProperty("current").GetProperty("workedOn").GetString());
        Assert.Equal("Dr Sam Rivera", kept.GetProperty("author").GetString());
        Assert.False(kept.GetProperty("amendable").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(client.Http.GetAsync($"{Url}/{id}", Cancel)));
    }

    [Fact]
    public async Task The_export_verb_writes_one_clinics_notes_about_one_client_as_json_and_nothing_of_anyone_elses()
    {
        var (clinic, client) = await PlaceAsync(factory);
        var someoneElse = await new CareTeamSetup(factory).ClientAsync(clinic.Therapist);
        var id = (await WriteAsync(clinic.Therapist, client.RelationshipId, "For the export.")).GetProperty("id").GetGuid();
        await WriteAsync(clinic.Therapist, someoneElse.RelationshipId, "About someone else.");
        var other = await new CareTeamSetup(factory).ClinicAsync("Dr Elsewhere");

        using var output = new StringWriter();
        using var errors = new StringWriter();
        var options = new Dictionary<string, string> { ["clinic"] = clinic.Slug, ["email"] = client.Email };
        Assert.Equal(0, await ExportClientRecord.RunAsync(factory.Services, options, output, errors, Cancel));

        var json = JsonDocument.Parse(output.ToString()).RootElement;
        var note = Assert.Single(json.GetProperty("sessionNotes").EnumerateArray());
        Assert.Equal(id, note.GetProperty("id").GetGuid());
        Assert.Equal("For the export.", note.GetProperty("versions")[0].GetProperty("workedOn").GetString());
        Assert.DoesNotContain("About someone else.", output.ToString(), StringComparison.Ordinal);

        var path = Path.Combine(Path.GetTempPath(), $"record-{Guid.NewGuid():N}.json");
        try
        {
            Assert.Equal(0, await ExportClientRecord.RunAsync(factory.Services, new Dictionary<string, string>(options) { ["out"] = path }, output, errors, Cancel));
            Assert.Contains("For the export.", await File.ReadAllTextAsync(path, Cancel), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal(1, await ExportClientRecord.RunAsync(factory.Services, new Dictionary<string, string> { ["clinic"] = "no-such-clinic", ["email"] = client.Email }, output, errors, Cancel));
        Assert.Equal(2, await ExportClientRecord.RunAsync(factory.Services, new Dictionary<string, string> { ["clinic"] = clinic.Slug }, output, errors, Cancel));
        // Another clinic's record holds nothing about this client.
        using var elsewhereOutput = new StringWriter();
        Assert.Equal(0, await ExportClientRecord.RunAsync(factory.Services, new Dictionary<string, string> { ["clinic"] = other.Slug, ["email"] = client.Email }, elsewhereOutput, errors, Cancel));
        Assert.Empty(JsonDocument.Parse(elsewhereOutput.ToString()).RootElement.GetProperty("sessionNotes").EnumerateArray());
    }
}
