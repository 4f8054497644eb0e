using System.Net.Http.Json;
using System.Text.RegularExpressions;
using InnerAlly.Features.CareTeam;
using InnerAlly.Tests.Infrastructure;
using static InnerAlly.Tests.Features.CareTeam.CareTeamSetup;
using static InnerAlly.Tests.Features.Writing.WritingSamples;

namespace InnerAlly.Tests.Features.CareTeam;

/// <summary>The people of the matrix and A's things, and the care team's rows: the expected status for each person.</summary>
public sealed partial class AccessMatrixTests
{
    private sealed record World(
        IReadOnlyDictionary<Role, HttpClient> Api, IReadOnlyDictionary<Role, HttpClient> Pages, IReadOnlyDictionary<Role, Guid> Relationships,
        IReadOnlyDictionary<string, Guid> Ids, string Slug, Guid StaffId, Guid InvitationId, string OpenCode, Guid NoteId)
    {
        /// <summary>The template with A's item for its id (by the word before it), or a new id; whether the path then aims at one of A's items.</summary>
        public (string Path, bool AimsAtA) Fill(string template)
        {
            var aims = false;
            var path = Parameter().Replace(template, m =>
            {
                var before = template[..m.Index].TrimEnd('/').Split('/')[^1];
                if (m.Value.StartsWith("{id", StringComparison.Ordinal))
                {
                    if (Ids.TryGetValue(before, out var id))
                    {
                        aims = true;
                        return id.ToString();
                    }

                    return Guid.NewGuid().ToString();
                }

                return m.Value.Contains("regex(^(", StringComparison.Ordinal) ? m.Value.Split("regex(^(")[1].Split('|', ')')[0]
                    : m.Value.StartsWith("{code", StringComparison.Ordinal) ? "gad7"
                    : m.Value.StartsWith("{slug", StringComparison.Ordinal) ? "the-three-systems"
                    : "something";
            });
            return (path, aims);
        }
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();

    private async Task<World> WorldAsync()
    {
        var setup = new CareTeamSetup(factory);
        var clinic = await setup.ClinicAsync("Dr All");
        var other = await setup.ClinicAsync("Dr Elsewhere");
        var none = await setup.TherapistAsync(clinic, "Dr None");
        var revoked = await setup.TherapistAsync(clinic, "Dr Revoked");
        var ended = await setup.TherapistAsync(clinic, "Dr Ended");
        var deactivated = await setup.TherapistAsync(clinic, "Dr Deactivated");
        var aEmail = InnerAllyFactory.NewEmail();
        var bEmail = InnerAllyFactory.NewEmail();
        var a = await factory.CreateClientForNewPersonAsync(aEmail);
        var b = await factory.CreateClientForNewPersonAsync(bEmail);

        // A's things: the check-in note, A's writing, the safety plan and a lesson reflection may be shared, except the
        // one journal entry and the card A keeps private; practice notes are in no category.
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        async Task<Guid> MakeAsync(string url, object body, params string[] words)
        {
            var id = (await Ok(await a.PostAsJsonAsync(url, body, Cancel))).GetProperty("id").GetGuid();
            foreach (var word in words)
            {
                ids[word] = id;
            }

            return id;
        }

        await MakeAsync("/api/v1/check-ins", new { threat = 8, drive = 2, soothe = 1, emotions = new[] { "anxious" }, note = $"Note {SharedMarker}." }, "check-ins");
        await MakeAsync("/api/v1/practice-sessions", new { practiceId = "soothing-touch", startedAt = DateTimeOffset.UtcNow.AddMinutes(-10), durationSeconds = 300, note = $"Practice {PrivateMarker}." }, "practice-sessions", "sessions");
        await MakeAsync("/api/v1/practice-rhythm", new { practiceId = "soothing-touch", minutes = 3, days = new[] { "monday" }, time = "07:30" }, "practice-rhythm", "rhythm");
        await MakeAsync("/api/v1/instruments/gad7/responses", new { answers = new Dictionary<string, int> { ["1"] = 1, ["2"] = 2, ["3"] = 0, ["4"] = 1, ["5"] = 3, ["6"] = 0, ["7"] = 2 }, status = "complete" }, "responses", "result", "history");
        await MakeAsync(JournalUrl, Body(JournalUrl, SharedMarker), "journal-entries", "journal");
        var keptPrivate = new[] { await MakeAsync(JournalUrl, Body(JournalUrl, PrivateMarker)), await MakeAsync(AllyCardsUrl, Body(AllyCardsUrl, PrivateMarker), "ally-cards") };
        await MakeAsync(AllyRecordsUrl, Body(AllyRecordsUrl, SharedMarker), "ally-records");
        await MakeAsync(LettersUrl, Body(LettersUrl, SharedMarker), "letters");
        await Ok(await a.PutAsJsonAsync("/api/v1/safety-plan", new { warningSigns = $"Signs {SharedMarker}." }, Cancel));
        await Ok(await a.PostAsJsonAsync("/api/v1/lessons/shame-and-guilt/reflection", new { text = $"Reflection {SharedMarker}." }, Cancel));
        await Ok(await b.PostAsJsonAsync("/api/v1/check-ins", new { threat = 3, drive = 3, soothe = 3 }, Cancel));

        async Task<Guid> JoinAsync(HttpClient therapist, params string[] sharing) =>
            (await Ok(await a.PostAsJsonAsync("/api/v1/invitations/accept", new { code = await CodeAsync(therapist), clientName = "A", sharing = Choices(sharing) }, Cancel))).GetProperty("id").GetGuid();
        var everything = SharingCategories.All.Select(c => c.Key + "+").ToArray();
        var relationships = new Dictionary<Role, Guid>
        {
            [Role.TherapistAll] = await JoinAsync(clinic.Therapist, everything),
            [Role.TherapistNone] = await JoinAsync(none.Therapist),
            [Role.TherapistRevoked] = await JoinAsync(revoked.Therapist, everything),
            [Role.TherapistEnded] = await JoinAsync(ended.Therapist, everything),
            [Role.TherapistDeactivated] = await JoinAsync(deactivated.Therapist, everything),
        };
        foreach (var entry in keptPrivate)
        {
            await Ok(await a.PutAsJsonAsync($"/api/v1/care-team/{relationships[Role.TherapistAll]}/entries/{entry}", new { choice = "private" }, Cancel));
        }

        await Ok(await a.PutAsJsonAsync($"/api/v1/care-team/{relationships[Role.TherapistRevoked]}/sharing", new { sharing = Array.Empty<object>() }, Cancel));
        await Ok(await a.DeleteAsync($"/api/v1/care-team/{relationships[Role.TherapistEnded]}", Cancel));
        var staff = await Ok(await clinic.Admin.GetAsync($"/api/v1/clinics/{clinic.Slug}/staff", Cancel));
        var deactivatedId = staff.GetProperty("staff").EnumerateArray().Single(m => m.GetProperty("displayName").GetString() == "Dr Deactivated").GetProperty("id").GetGuid();
        await Ok(await clinic.Admin.PostAsync($"/api/v1/clinics/{clinic.Slug}/staff/{deactivatedId}/deactivate", null, Cancel));
        var allId = staff.GetProperty("staff").EnumerateArray().Single(m => m.GetProperty("displayName").GetString() == "Dr All").GetProperty("id").GetGuid();
        var open = await Ok(await clinic.Therapist.PostAsJsonAsync("/api/v1/invitations", new { }, Cancel));
        var note = await Ok(await clinic.Therapist.PostAsJsonAsync("/api/v1/session-notes", NoteBody(relationships[Role.TherapistAll], $"Worked on {NoteMarker}."), Cancel));

        var emails = new Dictionary<Role, string>
        {
            [Role.ClientA] = aEmail,
            [Role.ClientB] = bEmail,
            [Role.TherapistAll] = clinic.TherapistEmail,
            [Role.TherapistNone] = none.Email,
            [Role.TherapistRevoked] = revoked.Email,
            [Role.TherapistEnded] = ended.Email,
            [Role.TherapistDeactivated] = deactivated.Email,
            [Role.OtherClinicTherapist] = other.TherapistEmail,
            [Role.ClinicAdmin] = clinic.AdminEmail,
        };
        var api = new Dictionary<Role, HttpClient>
        {
            [Role.SignedOut] = factory.CreateClient(),
            [Role.ClientA] = a,
            [Role.ClientB] = b,
            [Role.TherapistAll] = clinic.Therapist,
            [Role.TherapistNone] = none.Therapist,
            [Role.TherapistRevoked] = revoked.Therapist,
            [Role.TherapistEnded] = ended.Therapist,
            [Role.TherapistDeactivated] = deactivated.Therapist,
            [Role.OtherClinicTherapist] = other.Therapist,
            [Role.ClinicAdmin] = clinic.Admin,
        };
        var pages = new Dictionary<Role, HttpClient> { [Role.SignedOut] = factory.CreatePageClient() };
        foreach (var (role, email) in emails)
        {
            pages[role] = (await PageBrowser.SignInAsync(factory, email)).Client;
        }

        return new World(api, pages, relationships, ids, clinic.Slug, allId, open.GetProperty("id").GetGuid(), open.GetProperty("code").GetString()!, note.GetProperty("id").GetGuid());
    }

    /// <summary>One care team route: the path each person asks for (null: not asked, as when it would change A's own choices), what they should get, and a body for writes.</summary>
    private sealed record Rule(Func<Role, string?> Path, Func<Role, int?> Expected, object? Body = null);

    private static readonly Role[] ActiveWithA = [Role.TherapistAll, Role.TherapistNone, Role.TherapistRevoked];

    /// <summary>Who finds A's thread with their therapist: A, and each therapist still working with A.</summary>
    private static readonly Role[] InThread = [Role.ClientA, .. ActiveWithA];

    private static readonly Role[] ActiveTherapists = [Role.TherapistAll, Role.TherapistNone, Role.TherapistRevoked, Role.TherapistEnded, Role.OtherClinicTherapist];

    private static Func<Role, int?> Only(IEnumerable<Role> allowed, int ok = 200, int otherwise = 404) =>
        role => role == Role.SignedOut ? 401 : allowed.Contains(role) ? ok : otherwise;

    private static Func<Role, int?> Everyone(int ok = 200) => role => role == Role.SignedOut ? 401 : ok;

    /// <summary>Asked by everyone but <paramref name="skipped"/> (whose request would change what the rest of the matrix reads).</summary>
    private static Func<Role, string?> AllBut(string path, params Role[] skipped) => role => skipped.Contains(role) ? null : path;

    private static Func<Role, string?> Same(string path) => _ => path;

    private static object NoteBody(Guid relationship, string workedOn) =>
        new { client = relationship, sessionDate = "2026-12-03", minutes = 50, kind = "session", workedOn };

    private static Dictionary<string, Rule> CareRules(World w)
    {
        // Each therapist asks for their own relationship with A where they have one, else the one A shares everything on.
        string Mine(Role role) => $"/api/v1/caseload/{w.Relationships.GetValueOrDefault(role, w.Relationships[Role.TherapistAll])}";
        string MinePage(Role role) => $"/caseload/{w.Relationships.GetValueOrDefault(role, w.Relationships[Role.TherapistAll])}";
        var journal = w.Ids["journal"];
        var all = w.Relationships[Role.TherapistAll];
        var noCode = new { code = "ZZZZ-ZZZZ", clientName = "Someone" };
        var note = $"/api/v1/session-notes/{w.NoteId}";
        var change = NoteBody(all, "Someone else's words.");
        return new Dictionary<string, Rule>(StringComparer.Ordinal)
        {
            ["GET /api/v1/caseload"] = new(Same("/api/v1/caseload"), Everyone()),
            ["GET /api/v1/caseload/looks"] = new(Same("/api/v1/caseload/looks"), Everyone()),
            ["GET /api/v1/caseload/{id:guid}"] = new(Mine, Only(ActiveWithA)),
            ["DELETE /api/v1/caseload/{id:guid}"] = new(role => ActiveWithA.Contains(role) ? null : Mine(role), Only([])),
            ["GET /api/v1/caseload/{id:guid}/fhir"] = new(role => $"{Mine(role)}/fhir", Only(ActiveWithA)),
            ["GET /api/v1/caseload/{id:guid}/writing/{entryId:guid}"] = new(role => $"{Mine(role)}/writing/{journal}", Only([Role.TherapistAll])),
            ["GET /api/v1/care-team"] = new(Same("/api/v1/care-team"), Everyone()),
            ["GET /api/v1/care-team/entries/{entryId:guid}"] = new(Same($"/api/v1/care-team/entries/{journal}"), Only([Role.ClientA])),
            ["PUT /api/v1/care-team/{id:guid}/entries/{entryId:guid}"] = new(AllBut($"/api/v1/care-team/{all}/entries/{journal}", Role.ClientA), Only([]), new { choice = "private" }),
            ["GET /api/v1/care-team/looks"] = new(Same("/api/v1/care-team/looks"), Everyone()),
            ["GET /api/v1/care-team/{id:guid}/preview"] = new(Same($"/api/v1/care-team/{all}/preview"), Only([Role.ClientA])),
            ["PUT /api/v1/care-team/{id:guid}/sharing"] = new(AllBut($"/api/v1/care-team/{all}/sharing", Role.ClientA), Only([]), new { sharing = Array.Empty<object>() }),
            ["DELETE /api/v1/care-team/{id:guid}"] = new(AllBut($"/api/v1/care-team/{all}", Role.ClientA), Only([])),
            ["GET /api/v1/invitations"] = new(Same("/api/v1/invitations"), Only(ActiveTherapists)),
            ["POST /api/v1/invitations"] = new(Same("/api/v1/invitations"), Only(ActiveTherapists)),
            ["DELETE /api/v1/invitations/{id:guid}"] = new(AllBut($"/api/v1/invitations/{w.InvitationId}", Role.TherapistAll), Only([])),
            ["GET /api/v1/invitations/code/{code}"] = new(Same($"/api/v1/invitations/code/{w.OpenCode}"), Everyone()),
            ["POST /api/v1/invitations/accept"] = new(Same("/api/v1/invitations/accept"), Everyone(400), noCode),
            ["GET /api/v1/clinics"] = new(Same("/api/v1/clinics"), Everyone()),
            ["POST /api/v1/clinics/invitations/accept"] = new(Same("/api/v1/clinics/invitations/accept"), Everyone(400), new { token = "not-a-token", displayName = "Someone" }),
            ["GET /api/v1/clinics/{slug}"] = new(Same($"/api/v1/clinics/{w.Slug}"), Only([Role.ClinicAdmin])),
            ["PUT /api/v1/clinics/{slug}"] = new(AllBut($"/api/v1/clinics/{w.Slug}", Role.ClinicAdmin), Only([]), new { name = "Taken over", timeZone = "UTC" }),
            ["GET /api/v1/clinics/{slug}/staff"] = new(Same($"/api/v1/clinics/{w.Slug}/staff"), Only([Role.ClinicAdmin])),
            ["POST /api/v1/clinics/{slug}/invitations"] = new(Same($"/api/v1/clinics/{w.Slug}/invitations"), Only([Role.ClinicAdmin]), new { email = "new.person@example.org", role = "therapist" }),
            ["DELETE /api/v1/clinics/{slug}/invitations/{id:guid}"] = new(Same($"/api/v1/clinics/{w.Slug}/invitations/{Guid.NewGuid()}"), Only([])),
            ["POST /api/v1/clinics/{slug}/staff/{id:guid}/deactivate"] = new(AllBut($"/api/v1/clinics/{w.Slug}/staff/{w.StaffId}/deactivate", Role.ClinicAdmin), Only([])),
            // Session notes are the clinic's record: the sharing choices do not enter into them, only the author (no shared record here) reads one.
            ["GET /api/v1/session-notes"] = new(Same($"/api/v1/session-notes?client={all}"), Everyone()),
            ["POST /api/v1/session-notes"] = new(Same("/api/v1/session-notes"), Only([Role.TherapistAll], 201), change),
            ["GET /api/v1/session-notes/{id:guid}"] = new(Same(note), Only([Role.TherapistAll])),
            ["PUT /api/v1/session-notes/{id:guid}"] = new(AllBut(note, Role.TherapistAll), Only([]), change),
            ["POST /api/v1/session-notes/{id:guid}/amendments"] = new(AllBut($"{note}/amendments", Role.TherapistAll), Only([]), change),
            ["PAGE /session-notes/{id:guid}"] = new(Same($"/session-notes/{w.NoteId}"), Only([Role.TherapistAll])),
            ["PAGE /caseload/{id:guid}/session-notes/new"] = new(role => $"{MinePage(role)}/session-notes/new", Only(ActiveWithA)),
            ["PAGE /caseload"] = new(Same("/caseload"), Only(ActiveTherapists)),
            ["PAGE /caseload/{id:guid}"] = new(MinePage, Only(ActiveWithA)),
            ["PAGE /caseload/{id:guid}/writing/{entryId:guid}"] = new(role => $"{MinePage(role)}/writing/{journal}", Only([Role.TherapistAll])),
            ["PAGE /care-team"] = new(Same("/care-team"), Everyone()),
            ["PAGE /care-team/{id:guid}/preview"] = new(Same($"/care-team/{all}/preview"), Only([Role.ClientA])),
            ["PAGE /care-team/join/{code?}"] = new(Same($"/care-team/join/{w.OpenCode.Replace("-", "", StringComparison.Ordinal)}"), Everyone()),
            ["PAGE /clinic"] = new(Same("/clinic"), Everyone()),
            ["PAGE /clinic/join/{token}"] = new(Same("/clinic/join/not-a-token"), Everyone()),
            ["PAGE /clinic/{slug}/staff"] = new(Same($"/clinic/{w.Slug}/staff"), Only([Role.ClinicAdmin])),
            ["PAGE /clinic/{slug}/details"] = new(Same($"/clinic/{w.Slug}/details"), Only([Role.ClinicAdmin])),
            // Messages: A and each therapist still working with A find their own thread; no one else finds any.
            ["GET /api/v1/messages"] = new(Same("/api/v1/messages"), Everyone()),
            ["GET /api/v1/messages/{id:guid}"] = new(role => $"/api/v1/messages/{Thread(role)}", Only(InThread)),
            ["POST /api/v1/messages/{id:guid}"] = new(role => InThread.Contains(role) ? null : $"/api/v1/messages/{Thread(role)}", Only([]), new { text = "Hello from the matrix" }),
            ["DELETE /api/v1/messages/{id:guid}/{messageId:guid}"] = new(role => $"/api/v1/messages/{Thread(role)}/{Guid.NewGuid()}", Only([])),
            ["PUT /api/v1/messages/reply-expectation"] = new(Same("/api/v1/messages/reply-expectation"), Only(ActiveTherapists), new { text = "I usually reply within a day." }),
            ["PAGE /messages"] = new(Same("/messages"), Everyone()),
            ["PAGE /messages/{id:guid}"] = new(role => $"/messages/{Thread(role)}", Only(InThread)),
        };

        Guid Thread(Role role) => w.Relationships.GetValueOrDefault(role, all);
    }
}
