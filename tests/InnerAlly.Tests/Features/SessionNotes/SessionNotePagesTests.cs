using System.Net;
using InnerAlly.Features.Account;
using InnerAlly.Tests.Features.Account;
using InnerAlly.Tests.Infrastructure;
using static InnerAlly.Tests.Features.SessionNotes.SessionNoteSetup;

namespace InnerAlly.Tests.Features.SessionNotes;

/// <summary>
/// The pages: a "Session notes" section on the therapist's client page, the page to write one and the
/// note's own page (change within 24 hours, then amend, with the old text shown as amended), the
/// clinic's setting for a shared record, and the client's delete page saying the clinic keeps its notes.
/// </summary>
public sealed class SessionNotePagesTests(ClockFactory factory) : IClassFixture<ClockFactory>
{
    private static Dictionary<string, string> Fields(string workedOn) => new()
    {
        ["Input.SessionDate"] = "2026-12-02",
        ["Input.Minutes"] = "50",
        ["Input.Kind"] = "assessment",
        ["Input.WorkedOn"] = workedOn,
        ["Input.PracticesUsed"] = "",
        ["Input.NextSteps"] = "",
        ["Input.Risk"] = "",
    };

    [Fact]
    public async Task A_therapist_writes_a_note_from_the_client_page_changes_it_then_amends_it_after_24_hours()
    {
        var (clinic, client) = await PlaceAsync(factory);
        var colleague = await new CareTeam.CareTeamSetup(factory).TherapistAsync(clinic, "Dr Colleague");
        var therapist = await PageBrowser.SignInAsync(factory, clinic.TherapistEmail);
        var clientPage = $"/caseload/{client.RelationshipId}";

        var before = await therapist.OpenAsync(clientPage);
        Assert.Equal("Session notes", before.QuerySelector("main #session-notes")!.TextContent.Trim());
        Assert.Contains("When you are ready", before.QuerySelector("main section[aria-labelledby='session-notes']")!.TextContent, StringComparison.Ordinal);
        var newPage = before.QuerySelector("main a[href$='/session-notes/new']")!.GetAttribute("href")!;

        // Nothing under any heading: the form says so, beside the first heading, and keeps what was typed.
        var empty = await therapist.SubmitAsync(newPage, Fields(""));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var emptyPage = await PageBrowser.ParseAsync(empty);
        Assert.Equal(InnerAlly.Features.SessionNotes.SessionNoteForm.WordsNeeded, emptyPage.QuerySelector("#note-workedon-error")!.TextContent.Trim());
        Assert.Equal("assessment", emptyPage.QuerySelector("#kind option[selected]")!.GetAttribute("value"));

        var saved = await therapist.SubmitAsync(newPage, Fields("Meeting the critic with warmth."));
        PageBrowser.AssertRedirectsTo(saved, "/session-notes/");
        var notePath = saved.Headers.Location!.OriginalString;
        var note = await therapist.OpenAsync(notePath);
        Assert.Contains("Meeting the critic with warmth.", note.QuerySelector("main .note-version")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Assessment with Jo", note.QuerySelector("main h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(note.QuerySelector("main form[action*='handler=Edit']"));
        Assert.Contains(notePath, (await therapist.OpenAsync(clientPage)).QuerySelector("main .note-list")!.InnerHtml, StringComparison.Ordinal);

        var changed = await therapist.SubmitAsync(notePath, Fields("Meeting the critic with warmth and curiosity."), "main form[action*='handler=Edit']");
        PageBrowser.AssertRedirectsTo(changed, notePath);
        Assert.Contains("warmth and curiosity", (await therapist.OpenAsync(notePath)).QuerySelector("main .note-version")!.TextContent, StringComparison.Ordinal);

        // Nobody else opens it: a colleague (no shared record), the admin, the client.
        foreach (var email in new[] { colleague.Email, clinic.AdminEmail, client.Email })
        {
            var other = await PageBrowser.SignInAsync(factory, email);
            Assert.Equal(HttpStatusCode.NotFound, await other.StatusOfAsync(notePath));
        }

        factory.Clock.Advance(TimeSpan.FromHours(25));
        therapist = await PageBrowser.SignInAsync(factory, clinic.TherapistEmail);
        var record = await therapist.OpenAsync(notePath);
        Assert.Null(record.QuerySelector("main form[action*='handler=Edit']"));
        var amended = await therapist.SubmitAsync(notePath, Fields("Meeting the critic, and what I left out."), "main form[action*='handler=Amend']");
        PageBrowser.AssertRedirectsTo(amended, notePath);
        var after = await therapist.OpenAsync(notePath);
        var versions = after.QuerySelectorAll("main .note-version");
        Assert.Equal(2, versions.Length);
        Assert.Contains("what I left out", versions[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("warmth and curiosity", versions[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Amended by Dr Sam Rivera", versions[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_turns_on_a_shared_record_and_a_colleague_then_reads_the_note()
    {
        var (clinic, client) = await PlaceAsync(factory);
        var colleague = await new CareTeam.CareTeamSetup(factory).TherapistAsync(clinic, "Dr Colleague");
        var id = (await WriteAsync(clinic.Therapist, client.RelationshipId, "For the shared record.")).GetProperty("id").GetGuid();
        var reader = await PageBrowser.SignInAsync(factory, colleague.Email);
        Assert.Equal(HttpStatusCode.NotFound, await reader.StatusOfAsync($"/session-notes/{id}"));

        var admin = await PageBrowser.SignInAsync(factory, clinic.AdminEmail);
        PageBrowser.AssertRedirectsTo(await admin.SubmitAsync($"/clinic/{clinic.Slug}/details", new Dictionary<string, string> { ["Input.SharedClinicalRecord"] = "true" }), $"/clinic/{clinic.Slug}/staff");
        Assert.NotNull((await admin.OpenAsync($"/clinic/{clinic.Slug}/details")).QuerySelector("#shared-record[checked]"));

        var page = await reader.OpenAsync($"/session-notes/{id}");
        Assert.Contains("For the shared record.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form[action*='handler=']"));
        Assert.Equal(HttpStatusCode.NotFound, await admin.StatusOfAsync($"/session-notes/{id}"));

        // Saving the details again with the box cleared (only the hidden "false" is sent) turns it off.
        PageBrowser.AssertRedirectsTo(await admin.SubmitAsync($"/clinic/{clinic.Slug}/details", new Dictionary<string, string> { ["Input.SharedClinicalRecord"] = "false" }), $"/clinic/{clinic.Slug}/staff");
        Assert.Equal(HttpStatusCode.NotFound, await reader.StatusOfAsync($"/session-notes/{id}"));
    }

    [Fact]
    public async Task The_delete_page_says_the_clinics_notes_stay_to_someone_who_worked_with_a_therapist()
    {
        var (_, client) = await PlaceAsync(factory);
        var worked = await PageBrowser.SignInAsync(factory, client.Email);
        Assert.Contains(DeleteAccount.ClinicNotesStay, (await worked.OpenAsync("/account/delete")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var someone = await PageBrowser.RegisterAsync(factory);
        Assert.DoesNotContain("the clinic's record", (await someone.OpenAsync("/account/delete")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
