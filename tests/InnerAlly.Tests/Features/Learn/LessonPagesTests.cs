using System.Net;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Learn;

public sealed class LessonPagesTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    [Fact]
    public async Task The_course_invites_a_start_and_after_reading_continues_with_the_next_lesson()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var course = await session.OpenAsync("/learn");
        Assert.Equal(13, course.QuerySelectorAll(".lesson-list > li").Length);
        Assert.Equal("/learn/what-compassion-is", course.QuerySelector("main .button-row a")!.GetAttribute("href"));

        var read = await session.SubmitAsync("/learn/what-compassion-is", [], "main form[action*='handler=Read']");

        PageBrowser.AssertRedirectsTo(read, "/learn/the-tricky-brain");
        course = await session.OpenAsync("/learn");
        Assert.Contains("Continue with The tricky brain", course.QuerySelector("main .button-row a")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Read", course.QuerySelector(".lesson-list > li.lesson-read")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lesson_shows_its_body_practice_question_and_sources_and_keeps_an_answer()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var page = await session.OpenAsync("/learn/the-three-systems");
        Assert.Equal("The three systems", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector(".lesson-body h2"));
        Assert.NotNull(page.QuerySelector(".lesson-body a[href='/check-ins/new']"));
        Assert.NotNull(page.QuerySelector(".lesson-practice a[href='/practices/soothing-rhythm-breathing']"));
        Assert.NotEmpty(page.QuerySelectorAll(".lesson-references li"));

        var saved = await session.SubmitAsync("/learn/the-three-systems", [new("Input.Text", "Threat has been loud this week.")], "main form[action*='handler=Reflect']");

        PageBrowser.AssertRedirectsTo(saved, "/learn/the-three-systems");
        page = await session.OpenAsync("/learn/the-three-systems");
        Assert.Equal("Threat has been loud this week.", page.QuerySelector("#reflection-text")!.TextContent);
    }

    [Fact]
    public async Task The_three_systems_lesson_draws_the_three_circles_after_its_opening_section_and_names_the_next_lesson()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var page = await session.OpenAsync("/learn/the-three-systems");

        var figure = page.QuerySelector(".lesson-body figure")!;
        Assert.Equal("img", figure.QuerySelector("svg.circles")!.GetAttribute("role"));
        Assert.Equal("An example of three circles", figure.QuerySelector("svg title")!.TextContent);
        Assert.Equal(3, figure.QuerySelectorAll("svg circle").Length);
        Assert.Single(page.QuerySelectorAll(".lesson-body h2"), h => h.CompareDocumentPosition(figure).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        Assert.Equal("Next lesson", page.QuerySelector(".lesson-next button")!.TextContent.Trim());
        var next = (await session.OpenAsync("/learn/not-your-fault")).QuerySelector("h1")!.TextContent;
        Assert.Equal($"Next: {next}", page.QuerySelector(".lesson-next #next-lesson")!.TextContent.Trim());
        Assert.Null((await session.OpenAsync("/learn/the-tricky-brain")).QuerySelector(".lesson-body figure"));
    }

    [Fact]
    public async Task An_empty_answer_gets_a_message_beside_the_field_and_an_unknown_lesson_is_404()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var response = await session.SubmitAsync("/learn/shame-and-guilt", [new("Input.Text", "  ")], "main form[action*='handler=Reflect']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageBrowser.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#reflection-error"));
        Assert.Equal(HttpStatusCode.NotFound, await session.StatusOfAsync("/learn/juggling"));
    }

    [Fact]
    public async Task The_references_page_lists_the_research()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var page = await session.OpenAsync("/learn/references");

        Assert.True(page.QuerySelectorAll(".references li").Length >= 9);
        Assert.Null(page.QuerySelector(".references script"));
    }
}
