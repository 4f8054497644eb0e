using System.Net;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.CheckIns;

public sealed class CheckInPagesTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static KeyValuePair<string, string> Field(string name, object value) => new(name, value.ToString()!);

    [Fact]
    public async Task Check_in_page_explains_each_system_and_offers_0_to_10()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var (response, page) = await session.GetAsync("/check-ins/new");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var system in new[] { "threat", "drive", "soothe" })
        {
            var fieldset = page.QuerySelector($"fieldset.system-{system}")!;
            Assert.NotNull(fieldset.QuerySelector("legend"));
            Assert.Contains("system", fieldset.QuerySelector($"#{system}-about")!.TextContent, StringComparison.Ordinal);
            var values = fieldset.QuerySelectorAll("input[type=radio]").Select(i => i.GetAttribute("value")).ToArray();
            Assert.Equal(Enumerable.Range(0, 11).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), values);
            Assert.All(fieldset.QuerySelectorAll("input[type=radio]"), i => Assert.Null(i.GetAttribute("checked")));
        }

        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_heavy_check_in_three_minutes_of_soothing_breathing_come_first()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        var saved = await session.SubmitAsync("/check-ins/new", [Field("Input.Threat", 7), Field("Input.Drive", 4), Field("Input.Soothe", 3)]);

        var page = await session.OpenAsync(saved.Headers.Location!.OriginalString);

        var first = page.QuerySelector("main a.button:not(.button-quiet)")!;
        Assert.Equal("/practices/soothing-rhythm-breathing?minutes=3", first.GetAttribute("href"));
        Assert.Single(page.QuerySelectorAll("main a.button:not(.button-quiet)"));
        Assert.NotNull(page.QuerySelector("main a.button-quiet[href='/check-ins']"));
    }

    [Fact]
    public async Task After_a_calmer_check_in_the_main_button_shows_how_things_have_moved()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        var saved = await session.SubmitAsync("/check-ins/new", [Field("Input.Threat", 7), Field("Input.Drive", 4), Field("Input.Soothe", 4)]);

        var page = await session.OpenAsync(saved.Headers.Location!.OriginalString);

        Assert.Null(page.QuerySelector("main a[href^='/practices/soothing-rhythm-breathing']"));
        Assert.Equal("/check-ins", page.QuerySelector("main a.button:not(.button-quiet)")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Posting_without_ratings_shows_a_message_beside_each_and_keeps_what_was_written()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var response = await session.SubmitAsync("/check-ins/new",
        [
            Field("Input.Threat", 6),
            Field("Input.Emotions", "anxious"),
            Field("Input.Note", "Kept safe while I fix the rest."),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageBrowser.ParseAsync(response);
        Assert.Null(page.QuerySelector("#threat-error"));
        Assert.Contains("drive", page.QuerySelector("#drive-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("soothe", page.QuerySelector("#soothe-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("drive-error", page.QuerySelector("fieldset.system-drive")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("fieldset.system-threat input[value='6'][checked]"));
        Assert.NotNull(page.QuerySelector("input[name='Input.Emotions'][value=anxious][checked]"));
        Assert.Equal("Kept safe while I fix the rest.", page.QuerySelector("#note")!.TextContent);
        Assert.Equal(0, factory.WithDb(db => db.CheckIns.Count(c => c.Threat == 6)));
    }

    [Fact]
    public async Task Unknown_emotion_and_long_note_get_messages()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var response = await session.SubmitAsync("/check-ins/new",
        [
            Field("Input.Threat", 1), Field("Input.Drive", 2), Field("Input.Soothe", 3),
            Field("Input.Emotions", "sparkly"),
        ]);
        var page = await PageBrowser.ParseAsync(response);
        Assert.Contains("sparkly", page.QuerySelector(".field-error")!.TextContent, StringComparison.Ordinal);

        response = await session.SubmitAsync("/check-ins/new",
        [
            Field("Input.Threat", 1), Field("Input.Drive", 2), Field("Input.Soothe", 3),
            Field("Input.Note", new string('x', 2001)),
        ]);
        page = await PageBrowser.ParseAsync(response);
        Assert.Contains("2,000", page.QuerySelector("#note-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_shows_the_three_circles_with_a_text_alternative()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var response = await session.SubmitAsync("/check-ins/new",
        [
            Field("Input.Threat", 8), Field("Input.Drive", 3), Field("Input.Soothe", 1),
            Field("Input.Emotions", "ashamed"), Field("Input.Emotions", "calm"),
            Field("Input.Note", "<b>not bold</b>"),
        ]);

        PageBrowser.AssertRedirectsTo(response, "/check-ins/");
        var (detail, page) = await session.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        var svg = page.QuerySelector("svg.circles")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("Threat 8 out of 10, drive 3 out of 10, soothe 1 out of 10.", svg.QuerySelector("desc")!.TextContent);
        Assert.Equal(3, svg.QuerySelectorAll("circle").Length);
        Assert.NotNull(page.QuerySelector("[role=status]"));
        Assert.Contains("threat circle is the biggest", page.QuerySelector(".reflection")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("<b>not bold</b>", page.QuerySelector(".note-text")!.TextContent);
        Assert.Null(page.QuerySelector(".note-text b"));

        // The thank-you is said once; a reload shows the circles without it.
        var (_, again) = await session.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Null(again.QuerySelector("[role=status]"));
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_is_refused()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var response = await session.Client.PostAsync("/check-ins/new", new FormUrlEncodedContent(
        [
            Field("Input.Threat", 1), Field("Input.Drive", 1), Field("Input.Soothe", 1),
        ]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Someone_elses_check_in_page_is_404_and_cannot_be_deleted()
    {
        var owner = await PageBrowser.RegisterAsync(factory);
        var saved = await owner.SubmitAsync("/check-ins/new", [Field("Input.Threat", 2), Field("Input.Drive", 2), Field("Input.Soothe", 2), Field("Input.Note", "mine alone")]);
        var url = saved.Headers.Location!.OriginalString;
        var other = await PageBrowser.RegisterAsync(factory);

        var (view, viewPage) = await other.GetAsync(url);
        var (deletePageResponse, _) = await other.GetAsync(url + "/delete");

        Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
        Assert.DoesNotContain("mine alone", viewPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, deletePageResponse.StatusCode);
        var (ownView, _) = await owner.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, ownView.StatusCode);
    }

    [Fact]
    public async Task Deleting_asks_first_and_then_removes_it()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        var saved = await session.SubmitAsync("/check-ins/new", [Field("Input.Threat", 5), Field("Input.Drive", 5), Field("Input.Soothe", 5)]);
        var url = saved.Headers.Location!.OriginalString;

        var (confirm, confirmPage) = await session.GetAsync(url + "/delete");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.NotNull(confirmPage.QuerySelector("form[method=post] button"));

        var deleted = await session.SubmitAsync(url + "/delete", []);
        PageBrowser.AssertRedirectsTo(deleted, "/check-ins");
        var (gone, _) = await session.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var (history, historyPage) = await session.GetAsync("/check-ins");
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Contains("deleted", historyPage.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }
}
