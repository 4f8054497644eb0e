using System.Net;
using System.Net.Http.Json;
using InnerAlly.Features.CareTeam;
using InnerAlly.Tests.Infrastructure;
using static InnerAlly.Tests.Features.CareTeam.CareTeamSetup;

namespace InnerAlly.Tests.Features.CareTeam;

/// <summary>The pages: a therapist makes a code on the caseload, the client accepts it choosing from the preview, and each sees the other's side change.</summary>
public sealed class CareTeamPagesTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => PageBrowser.Cancel;

    /// <summary>A therapist who uses the pages, in a clinic made through the API.</summary>
    private async Task<PageBrowser> TherapistAsync()
    {
        var clinic = await new CareTeamSetup(factory).ClinicAsync();
        var email = InnerAllyFactory.NewEmail();
        var therapist = await PageBrowser.RegisterAsync(factory, email);
        var invited = await Ok(await clinic.Admin.PostAsJsonAsync($"/api/v1/clinics/{clinic.Slug}/invitations", new { email, role = "therapist" }, Cancel));
        var joined = await therapist.SubmitAsync(invited.GetProperty("joinPath").GetString()!, new Dictionary<string, string> { ["Input.DisplayName"] = "Dr Ana Silva" });
        PageBrowser.AssertRedirectsTo(joined, "/clinic");
        return therapist;
    }

    private static async Task<string> CodeFromPageAsync(PageBrowser therapist)
    {
        var made = await therapist.SubmitAsync("/caseload", [], "main form[action*='Invite']");
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        return (await PageBrowser.ParseAsync(made)).QuerySelector("main .invite-code code")!.TextContent.Trim();
    }

    [Fact]
    public async Task The_client_pages_FHIR_download_goes_through_the_rule_and_is_recorded_as_a_look()
    {
        var therapist = await TherapistAsync();
        var code = await CodeFromPageAsync(therapist);
        var client = await PageBrowser.RegisterAsync(factory);
        var accepted = await client.SubmitAsync(
            $"/care-team/join/{code.Replace("-", "", StringComparison.Ordinal)}",
            new Dictionary<string, string> { ["ClientName"] = "Jo", [$"Sharing[{SharingCategories.Questionnaires}]"] = SharingForm.FromNow });
        PageBrowser.AssertRedirectsTo(accepted, "/care-team");
        var href = (await therapist.OpenAsync("/caseload")).QuerySelector("main .caseload-table tbody th a")!.GetAttribute("href")!;
        var looked = (await client.OpenAsync("/care-team")).QuerySelectorAll("main .look-list li").Length;

        var file = await therapist.Client.GetAsync($"{href}?handler=Fhir", Cancel);

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/fhir+json", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("Bundle", await file.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(looked + 1, (await client.OpenAsync("/care-team")).QuerySelectorAll("main .look-list li").Length);

        // Anyone else asking for it, the client included, finds nothing.
        var stranger = await TherapistAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"{href}?handler=Fhir", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Client.GetAsync($"{href}?handler=Fhir", Cancel)).StatusCode);
    }

    [Theory]
    [InlineData("/care-team")]
    [InlineData("/care-team/join")]
    [InlineData("/care-team/join/ABCDEFGH")]
    [InlineData("/caseload")]
    [InlineData("/caseload/0193a7b8-0000-7000-8000-000000000000")]
    [InlineData("/caseload/0193a7b8-0000-7000-8000-000000000000/writing/0193a7b8-0000-7000-8000-000000000001")]
    public async Task Signed_out_visitors_are_sent_to_sign_in(string path)
    {
        var response = await factory.CreatePageClient().GetAsync(path, Cancel);

        PageBrowser.AssertRedirectsTo(response, "http://localhost/account/login");
    }

    [Fact]
    public async Task A_code_from_the_caseload_is_accepted_from_the_preview_and_each_side_sees_the_change()
    {
        var therapist = await TherapistAsync();
        var code = await CodeFromPageAsync(therapist);
        var client = await PageBrowser.RegisterAsync(factory);

        var typed = await client.Client.GetAsync($"/care-team/join?entered={Uri.EscapeDataString(code.ToLowerInvariant())}", Cancel);
        PageBrowser.AssertRedirectsTo(typed, $"/care-team/join/{code.Replace("-", "", StringComparison.Ordinal)}");
        var joinUrl = typed.Headers.Location!.OriginalString;
        var preview = await client.OpenAsync(joinUrl);
        Assert.Contains("Dr Ana Silva", preview.QuerySelector("main .lead")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SharingCategories.All.Count, preview.QuerySelectorAll("main .sharing-choice select").Length);
        Assert.All(preview.QuerySelectorAll("main .sharing-choice select option[selected]"), o => Assert.Equal(SharingForm.None, o.GetAttribute("value")));
        // Folded into five groups, each closed and saying nothing is shared, every category in exactly one.
        var groups = preview.QuerySelectorAll("main details.sharing-group");
        Assert.Equal(["Check-ins", "Practice and learning", "Questionnaires", "Writing", "Safety"], groups.Select(g => g.QuerySelector(".sharing-group-name")!.TextContent));
        Assert.All(groups, g => Assert.False(g.HasAttribute("open")));
        Assert.All(groups, g => Assert.Equal("nothing shared", g.QuerySelector(".sharing-group-count")!.TextContent));
        Assert.Equal(SharingCategories.All.Select(c => c.Key).Order(), groups.SelectMany(g => g.QuerySelectorAll("select")).Select(x => x.Id!["share-".Length..]).Order());

        var noName = await client.SubmitAsync(joinUrl, new Dictionary<string, string> { ["ClientName"] = "" });
        Assert.Equal(AcceptClientInvitation.NameNeeded, PageBrowser.FieldError(await PageBrowser.ParseAsync(noName), "client-name"));
        var notesAlone = await PageBrowser.ParseAsync(await client.SubmitAsync(joinUrl, new Dictionary<string, string> { ["ClientName"] = "Jo", [$"Sharing[{SharingCategories.CheckInNotes}]"] = SharingForm.FromNow }));
        Assert.Equal(ChangeSharing.NotesNeedRatings, notesAlone.QuerySelector("main .sharing-choices .field-error")!.TextContent.Trim());

        var accepted = await client.SubmitAsync(joinUrl, new Dictionary<string, string> { ["ClientName"] = "Jo", [$"Sharing[{SharingCategories.CheckInRatings}]"] = SharingForm.FromNow });
        PageBrowser.AssertRedirectsTo(accepted, "/care-team");
        var team = await client.OpenAsync("/care-team");
        Assert.Contains("Dr Ana Silva", team.QuerySelector("main .card h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SharingForm.FromNow, team.QuerySelector($"main select[name='Sharing[{SharingCategories.CheckInRatings}]'] option[selected]")!.GetAttribute("value"));
        var checkIns = team.QuerySelectorAll("main details.sharing-group").First(g => g.QuerySelector(".sharing-group-name")!.TextContent == "Check-ins");
        Assert.True(checkIns.HasAttribute("open"));
        Assert.Equal("1 of 2 shared", checkIns.QuerySelector(".sharing-group-count")!.TextContent);
        var checkedIn = await client.SubmitAsync("/check-ins/new", new Dictionary<string, string> { ["Input.Threat"] = "7", ["Input.Drive"] = "2", ["Input.Soothe"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, checkedIn.StatusCode);

        var caseload = await therapist.OpenAsync("/caseload");
        var row = caseload.QuerySelector("main .caseload-table tbody tr")!;
        Assert.Equal("Jo", row.QuerySelector("th a")!.TextContent.Trim());
        Assert.Contains("today", row.TextContent, StringComparison.Ordinal);
        var clientPage = await therapist.OpenAsync(row.QuerySelector("th a")!.GetAttribute("href")!);
        Assert.NotNull(clientPage.QuerySelector("main svg"));
        Assert.Contains("Not shared", clientPage.QuerySelector("#questionnaires-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var looks = await client.OpenAsync("/care-team");
        Assert.Contains("Dr Ana Silva looked at your check-in ratings on", looks.QuerySelector("main .look-list")!.TextContent, StringComparison.Ordinal);

        // The client opens the therapist's page as the therapist sees it: the same sections, and no new look.
        var seen = await client.OpenAsync(looks.QuerySelector("main a[href$='/preview']")!.GetAttribute("href")!);
        Assert.Equal("What Dr Ana Silva sees", seen.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(seen.QuerySelector("main svg"));
        Assert.Equal(
            clientPage.QuerySelectorAll("main section.card h2").Select(h => h.TextContent.Trim()),
            seen.QuerySelectorAll("main section.card h2").Select(h => h.TextContent.Trim()));
        Assert.Contains("Not shared", seen.QuerySelector("#questionnaires-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            looks.QuerySelectorAll("main .look-list li").Length,
            (await client.OpenAsync("/care-team")).QuerySelectorAll("main .look-list li").Length);

        var revoked = await client.SubmitAsync("/care-team", new Dictionary<string, string> { [$"Sharing[{SharingCategories.CheckInRatings}]"] = SharingForm.None }, "main form[action*='Share']");
        PageBrowser.AssertRedirectsTo(revoked, "/care-team");
        var after = await therapist.OpenAsync(row.QuerySelector("th a")!.GetAttribute("href")!);
        Assert.Contains("Not shared", after.QuerySelector("#checkins-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("not shared", (await therapist.OpenAsync("/caseload")).QuerySelector("main .caseload-table tbody tr")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_accepting_the_client_sees_the_therapists_page_as_their_choices_would_make_it_and_nothing_is_saved()
    {
        var therapist = await TherapistAsync();
        var code = await CodeFromPageAsync(therapist);
        var client = await PageBrowser.RegisterAsync(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/check-ins/new", new Dictionary<string, string> { ["Input.Threat"] = "7", ["Input.Drive"] = "2", ["Input.Soothe"] = "1" })).StatusCode);
        var joinUrl = $"/care-team/join/{code.Replace("-", "", StringComparison.Ordinal)}";
        var page = await client.OpenAsync(joinUrl);
        Assert.Equal(joinUrl + "?handler=Preview#what-they-see", page.QuerySelector("main form button[formaction]")!.GetAttribute("formaction"));
        Assert.Null(page.QuerySelector("#what-they-see"));

        const string showMe = "button[formaction]";
        async Task<AngleSharp.Html.Dom.IHtmlDocument> PreviewAsync(string ratings) => await PageBrowser.ParseAsync(await client.SubmitAsync(
            page, joinUrl, new Dictionary<string, string> { ["ClientName"] = "Jo", [$"Sharing[{SharingCategories.CheckInRatings}]"] = ratings }, button: showMe));

        // Including what came before: the check-in from this morning is on the therapist's page, in the therapist's layout.
        var all = await PreviewAsync(SharingForm.All);
        var drawn = all.QuerySelector("#what-they-see")!;
        Assert.Equal("What Dr Ana Silva would see", drawn.QuerySelector("h2")!.TextContent.Trim());
        var checkIns = drawn.QuerySelector("#checkins-heading")!.ParentElement!;
        Assert.NotNull(checkIns.QuerySelector("svg"));
        Assert.Contains("7", checkIns.QuerySelector("table tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not shared", drawn.QuerySelector("#questionnaires-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not shared", drawn.QuerySelector("#journal-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SharingForm.All, all.QuerySelector($"main select[name='Sharing[{SharingCategories.CheckInRatings}]'] option[selected]")!.GetAttribute("value"));
        Assert.Equal("Jo", all.QuerySelector("#client-name")!.GetAttribute("value"));

        // From now on: the same section, and this morning's check-in is not in it.
        var fromNow = (await PreviewAsync(SharingForm.FromNow)).QuerySelector("#what-they-see #checkins-heading")!.ParentElement!;
        Assert.Null(fromNow.QuerySelector("table tbody tr"));

        // Nothing was saved: no relationship on either side, no look; accepting from the preview's own page (which
        // the preview's address drew) starts working together with what the form holds.
        Assert.Null((await client.OpenAsync("/care-team")).QuerySelector("main .look-list li"));
        Assert.Null((await therapist.OpenAsync("/caseload")).QuerySelector("main .caseload-table tbody tr"));
        Assert.Equal(joinUrl, all.QuerySelector("main form")!.GetAttribute("action"));
        PageBrowser.AssertRedirectsTo(await client.SubmitAsync(all, joinUrl + "?handler=Preview", [], button: "button:not([formaction])"), "/care-team");
        Assert.Equal(SharingForm.All, (await client.OpenAsync("/care-team")).QuerySelector($"main select[name='Sharing[{SharingCategories.CheckInRatings}]'] option[selected]")!.GetAttribute("value"));

        // A code used up draws nothing.
        var spent = await PageBrowser.ParseAsync(await client.SubmitAsync(page, joinUrl, new Dictionary<string, string> { ["ClientName"] = "Jo" }, button: showMe));
        Assert.Null(spent.QuerySelector("#what-they-see"));
        Assert.Equal(AcceptClientInvitation.NotOpen, spent.QuerySelector("main .form-message[role=alert]")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_entry_is_kept_private_from_its_own_page_and_the_therapist_reads_the_rest_read_only()
    {
        var therapist = await TherapistAsync();
        var code = await CodeFromPageAsync(therapist);
        var client = await PageBrowser.RegisterAsync(factory);
        var joinUrl = $"/care-team/join/{code.Replace("-", "", StringComparison.Ordinal)}";
        PageBrowser.AssertRedirectsTo(
            await client.SubmitAsync(joinUrl, new Dictionary<string, string> { ["ClientName"] = "Jo", [$"Sharing[{SharingCategories.Journal}]"] = SharingForm.FromNow }), "/care-team");
        var kept = await client.SubmitAsync("/journal/new", new Dictionary<string, string> { ["Input.Text"] = "A walk by the heron pond." });
        var entryPath = kept.Headers.Location!.OriginalString.Split('?')[0];

        var own = await client.OpenAsync(entryPath);
        var mark = own.QuerySelector("main .entry-sharing")!;
        Assert.Contains("Shared with Dr Ana Silva", mark.TextContent, StringComparison.Ordinal);
        var clientPage = (await therapist.OpenAsync("/caseload")).QuerySelector("main .caseload-table tbody tr th a")!.GetAttribute("href")!;
        var listed = (await therapist.OpenAsync(clientPage)).QuerySelector("#journal-heading")!.ParentElement!;
        var link = listed.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Contains("heron pond", listed.TextContent, StringComparison.Ordinal);
        var read = await therapist.OpenAsync(link);
        Assert.Contains("A walk by the heron pond.", read.QuerySelector("main .shared-entry")!.TextContent, StringComparison.Ordinal);
        Assert.Null(read.QuerySelector("main form"));

        var privately = await client.SubmitAsync(entryPath, [], "main .entry-sharing form");
        PageBrowser.AssertRedirectsTo(privately, entryPath);
        var after = await client.OpenAsync(entryPath);
        Assert.Contains("Not shared with Dr Ana Silva (you keep this one private)", after.QuerySelector("main .entry-sharing")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await therapist.StatusOfAsync(link));
        Assert.Contains("None shared yet", (await therapist.OpenAsync(clientPage)).QuerySelector("#journal-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("read one journal entry of yours", (await client.OpenAsync("/care-team")).QuerySelector("main .look-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_is_not_a_therapist_finds_no_caseload_and_a_wrong_code_is_said_plainly()
    {
        var person = await PageBrowser.RegisterAsync(factory);

        Assert.Equal(HttpStatusCode.NotFound, await person.StatusOfAsync("/caseload"));
        Assert.Equal(HttpStatusCode.NotFound, await person.StatusOfAsync($"/caseload/{Guid.NewGuid()}"));
        var wrong = await person.OpenAsync("/care-team/join/ABCDEFGH");
        Assert.Equal(AcceptClientInvitation.NotOpen, wrong.QuerySelector("main [role=alert]")!.TextContent.Trim());
        var typo = await PageBrowser.ParseAsync(await person.Client.GetAsync("/care-team/join?entered=abc", Cancel));
        Assert.Equal(AcceptClientInvitation.CodeNeeded, PageBrowser.FieldError(typo, "entered-code"));
        Assert.Contains("I have a code", (await person.OpenAsync("/care-team")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
