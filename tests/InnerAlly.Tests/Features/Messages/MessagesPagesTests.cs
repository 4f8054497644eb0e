using System.Net;
using System.Net.Http.Json;
using InnerAlly.Features.Messages;
using InnerAlly.Tests.Features.CareTeam;
using InnerAlly.Tests.Infrastructure;
using static InnerAlly.Tests.Features.CareTeam.CareTeamSetup;

namespace InnerAlly.Tests.Features.Messages;

/// <summary>/messages and /messages/{id} as a client and a therapist use them.</summary>
public sealed class MessagesPagesTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => PageBrowser.Cancel;

    /// <summary>A therapist on the pages and a client who joined them there; the thread's path.</summary>
    private async Task<(PageBrowser Therapist, PageBrowser Client, string Thread)> PairAsync()
    {
        var clinic = await new CareTeamSetup(factory).ClinicAsync();
        var email = InnerAllyFactory.NewEmail();
        var therapist = await PageBrowser.RegisterAsync(factory, email);
        var invited = await Ok(await clinic.Admin.PostAsJsonAsync($"/api/v1/clinics/{clinic.Slug}/invitations", new { email, role = "therapist" }, Cancel));
        PageBrowser.AssertRedirectsTo(await therapist.SubmitAsync(invited.GetProperty("joinPath").GetString()!, new Dictionary<string, string> { ["Input.DisplayName"] = "Dr Ana Silva" }), "/clinic");
        var made = await therapist.SubmitAsync("/caseload", [], "main form[action*='Invite']");
        var code = (await PageBrowser.ParseAsync(made)).QuerySelector("main .invite-code code")!.TextContent.Trim();
        var client = await PageBrowser.RegisterAsync(factory);
        PageBrowser.AssertRedirectsTo(await client.SubmitAsync($"/care-team/join/{code.Replace("-", "", StringComparison.Ordinal)}", new Dictionary<string, string> { ["ClientName"] = "Jo" }), "/care-team");
        var thread = (await client.OpenAsync("/messages")).QuerySelector("main .thread-list a")!.GetAttribute("href")!;
        return (therapist, client, thread);
    }

    [Fact]
    public async Task A_client_and_their_therapist_write_to_each_other_and_an_empty_message_is_explained_beside_the_box()
    {
        var (therapist, client, thread) = await PairAsync();
        Assert.Matches("^/messages/[0-9a-f-]{36}$", thread);
        var page = await client.OpenAsync(thread);
        Assert.Equal("Messages with Dr Ana Silva", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("Not for emergencies", page.QuerySelector("main .not-for-emergencies")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main .not-for-emergencies a[href='/safety-plan']"));

        var empty = await client.SubmitAsync(thread, new Dictionary<string, string> { ["Text"] = "  " }, "main form.message-form");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(SendMessage.TextNeeded, PageBrowser.FieldError(await PageBrowser.ParseAsync(empty), "message-text"));

        PageBrowser.AssertRedirectsTo(await client.SubmitAsync(thread, new Dictionary<string, string> { ["Text"] = "The soothing rhythm practice helped on Monday." }, "main form.message-form"), thread);
        var list = await therapist.OpenAsync("/messages");
        Assert.Contains("1 new", list.QuerySelector("main .thread-list")!.TextContent, StringComparison.Ordinal);
        var seen = await therapist.OpenAsync(thread);
        Assert.Equal("Messages with Jo", seen.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal("The soothing rhythm practice helped on Monday.", seen.QuerySelector("main .message-theirs .message-text")!.TextContent.Trim());
        Assert.Null(seen.QuerySelector("main .message-theirs form"));

        PageBrowser.AssertRedirectsTo(await therapist.SubmitAsync("/messages", new Dictionary<string, string> { ["ReplyExpectation"] = "I usually reply within 2 working days." }, "main form[action*='ReplyExpectation']"), "/messages");
        PageBrowser.AssertRedirectsTo(await therapist.SubmitAsync(thread, new Dictionary<string, string> { ["Text"] = "I am glad. Keep going gently." }, "main form.message-form"), thread);

        var back = await client.OpenAsync(thread);
        Assert.Contains("I usually reply within 2 working days.", back.QuerySelector("main .reply-expectation")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("I am glad. Keep going gently.", back.QuerySelector("main .message-theirs .message-text")!.TextContent.Trim());
        Assert.Contains("read", back.QuerySelector("main .message-mine .message-meta")!.TextContent, StringComparison.Ordinal);

        // The client's own message can still be withdrawn; it then says so, without its words.
        var withdrawn = await client.SubmitAsync(back, thread, [], "main .message-mine form");
        PageBrowser.AssertRedirectsTo(withdrawn, thread);
        var after = await client.OpenAsync(thread);
        Assert.Equal("You withdrew this message.", after.QuerySelector("main .message-mine .message-text")!.TextContent.Trim());
        Assert.DoesNotContain("soothing rhythm practice helped", after.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worrying_message_brings_the_support_notice_beneath_the_conversation_and_the_words_stay_as_written()
    {
        var (_, client, thread) = await PairAsync();
        const string words = "I have decided to end my life this weekend. I have the pills ready.";
        PageBrowser.AssertRedirectsTo(await client.SubmitAsync(thread, new Dictionary<string, string> { ["Text"] = words }, "main form.message-form"), thread);

        var page = await client.OpenAsync(thread);
        Assert.Equal(words, page.QuerySelector("main .message-mine .message-text")!.TextContent.Trim());
        var list = page.QuerySelector("main .message-list")!;
        var notice = page.QuerySelector("main .support-notice");
        Assert.NotNull(notice);
        Assert.True(list.CompareDocumentPosition(notice!).HasFlag(AngleSharp.Dom.DocumentPositions.Following), "The notice comes after the person's words.");
    }

    [Fact]
    public async Task Someone_else_asking_for_a_thread_page_finds_nothing()
    {
        var (_, _, thread) = await PairAsync();
        var stranger = await PageBrowser.RegisterAsync(factory);
        Assert.Equal(HttpStatusCode.NotFound, await stranger.StatusOfAsync(thread));
        var signedOut = await factory.CreatePageClient().GetAsync(thread, Cancel);
        PageBrowser.AssertRedirectsTo(signedOut, "http://localhost/account/login");
    }
}
