using System.Net;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Measures;

/// <summary>The questionnaire pages through HTTP, as a browser without JavaScript would use them.</summary>
public sealed class MeasurePagesTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static KeyValuePair<string, string> Answer(string item, int value) => new($"Answers[{item}]", value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static List<KeyValuePair<string, string>> Phq9(params int[] values) => [.. values.Select((v, i) => Answer($"{i + 1}", v))];

    [Fact]
    public async Task The_questionnaire_page_shows_every_item_with_its_published_options_and_the_attribution()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var (response, page) = await session.GetAsync("/measures/phq9");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var items = page.QuerySelectorAll("fieldset.measure-item");
        Assert.Equal(10, items.Length);
        Assert.Contains("Little interest or pleasure in doing things", items[0].QuerySelector("legend")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["0", "1", "2", "3"], items[0].QuerySelectorAll("input[type=radio]").Select(i => i.GetAttribute("value")));
        Assert.Equal("Over the last 2 weeks, how often have you been bothered by any of the following problems?", page.QuerySelector("#stem")!.TextContent);
        Assert.Contains("Pfizer", page.QuerySelector(".measure-about")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-safety-for='9'][hidden] .support-notice"));
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync("/measures/fscrs")).Response.StatusCode);
    }

    [Fact]
    public async Task An_incomplete_response_shows_a_message_beside_each_missing_item_and_keeps_the_answers()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var response = await session.SubmitAsync("/measures/phq9", [Answer("1", 2), Answer("2", 1)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageBrowser.ParseAsync(response);
        Assert.Contains("7 questions still need an answer", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#item-1-error"));
        Assert.Contains("has no answer yet", page.QuerySelector("#item-3-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("item-3-error", page.QuerySelector("#item-3")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("input[name='Answers[1]'][value='2'][checked]"));
        var list = await session.OpenAsync("/measures");
        Assert.DoesNotContain("Your latest", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Carry on", list.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completing_shows_the_scores_and_someone_else_gets_404_for_them()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var response = await session.SubmitAsync("/measures/phq9", Phq9(1, 2, 0, 3, 1, 2, 0, 3, 0));

        PageBrowser.AssertRedirectsTo(response, "/measures/phq9/responses/");
        var url = response.Headers.Location!.OriginalString;
        var page = await session.OpenAsync(url);
        Assert.Equal("12", page.QuerySelector(".score-figure strong")!.TextContent);
        Assert.Contains("Moderate", page.QuerySelector(".measure-score")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("a clinician reads them together with you", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".support-notice"));
        var other = await PageBrowser.RegisterAsync(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).Response.StatusCode);
    }

    [Fact]
    public async Task A_result_speaks_plainly_to_the_person_with_the_exact_figures_and_their_sources_beside_it()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        await session.SubmitAsync("/measures/gad7", Phq9(3, 3, 2, 2, 1, 1, 0)); // 12
        var response = await session.SubmitAsync("/measures/gad7", Phq9(1, 1, 1, 1, 1, 1, 0)); // 6: down 6, past the cut-off of 8

        var page = await session.OpenAsync(response.Headers.Location!.OriginalString);

        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("likely a real step forward", text, StringComparison.Ordinal);
        Assert.Contains("moved past 8, out of the range where support is usually offered", text, StringComparison.Ordinal);
        Assert.Contains("4 points or more", text, StringComparison.Ordinal);
        Assert.DoesNotContain("clinically significant", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("from one day to the next", text, StringComparison.Ordinal);
        var figures = page.QuerySelector("details.measure-figures")!.TextContent;
        Assert.Contains("Cut-off: the cut-off of 8. Source: NHS Talking Therapies convention; Spitzer et al. (2006) proposed 10.", figures, StringComparison.Ordinal);
        Assert.Contains("Reliable change: 4 points or more. Source: NHS Talking Therapies convention.", figures, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gad7_asks_its_published_difficulty_question_last_and_scores_without_it()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var form = await session.OpenAsync("/measures/gad7");
        var response = await session.SubmitAsync("/measures/gad7", [.. Phq9(1, 1, 1, 1, 1, 1, 1), Answer("difficulty", 2)]);

        var items = form.QuerySelectorAll("fieldset.measure-item");
        Assert.Equal(8, items.Length);
        Assert.Contains(
            "If you checked off any problems, how difficult have these made it for you to do your work, take care of things at home, or get along with other people?",
            items[7].QuerySelector("legend")!.TextContent,
            StringComparison.Ordinal);
        var result = await session.OpenAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("7", result.QuerySelector(".score-figure strong")!.TextContent);
        Assert.Contains("Very difficult", result.QuerySelectorAll(".measure-answers li")[7].TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "Very low well-being")]
    [InlineData(5, "Adequate well-being")]
    public async Task Who5_bands_have_plain_names_on_the_persons_own_page(int answer, string shown)
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var response = await session.SubmitAsync("/measures/who5", Phq9(answer, answer, answer, answer, answer));

        var page = await session.OpenAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(shown, page.QuerySelectorAll(".measure-score p strong")[1].TextContent);
        Assert.DoesNotContain("depression", page.QuerySelector(".measure-score")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Item_9_above_not_at_all_is_saved_as_given_and_the_next_page_shows_the_support_notice()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var response = await session.SubmitAsync("/measures/phq9", Phq9(0, 0, 0, 0, 0, 0, 0, 0, 2));

        var (_, page) = await session.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("self", page.QuerySelector(".support-notice")!.GetAttribute("data-category"));
        Assert.Equal("2", page.QuerySelector(".score-figure strong")!.TextContent);
        Assert.Contains("More than half the days", page.QuerySelectorAll(".measure-answers li")[8].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finish_later_keeps_a_draft_that_the_page_fills_in_next_time_and_the_list_offers_to_carry_on()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var draftResponse = await session.Client.PostAsync("/measures/gad7?handler=Draft", new FormUrlEncodedContent(
            [Answer("1", 3), Answer("2", 2), new("__RequestVerificationToken", (await session.OpenAsync("/measures/gad7")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]),
            TestContext.Current.CancellationToken);

        PageBrowser.AssertRedirectsTo(draftResponse, "/measures");
        var list = await session.OpenAsync("/measures");
        Assert.Contains("so far are kept", list.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Contains("Carry on where you left off", StringComparison.Ordinal) && a.GetAttribute("href") == "/measures/gad7"));
        var again = await session.OpenAsync("/measures/gad7");
        Assert.NotNull(again.QuerySelector("input[name='Answers[1]'][value='3'][checked]"));
        Assert.NotNull(again.QuerySelector("input[name='Answers[2]'][value='2'][checked]"));
        Assert.Contains("Welcome back", again.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_page_draws_the_chart_with_bands_and_cutoff_and_a_table_and_sets_a_reminder()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        await session.SubmitAsync("/measures/phq9", Phq9(3, 3, 2, 2, 2, 2, 2, 2, 0));
        await session.SubmitAsync("/measures/phq9", Phq9(1, 1, 1, 1, 1, 1, 1, 1, 0));

        var page = await session.OpenAsync("/measures/phq9/history");
        var reminder = await session.SubmitAsync("/measures/phq9/history", [new("Input.EveryWeeks", "3"), new("Input.Time", "19:15")], "main form[action*=Reminder]");
        var after = await session.OpenAsync("/measures/phq9/history");

        var svg = page.QuerySelector("svg.score-chart")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal(5, svg.QuerySelectorAll("rect.band").Length);
        Assert.NotNull(svg.QuerySelector("line.cutoff"));
        Assert.Equal(2, svg.QuerySelectorAll("circle.score-dot").Length);
        Assert.Contains("The first", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("table.measure-table tbody tr");
        Assert.Equal(["18", "8"], rows.Select(r => r.QuerySelector("td .table-score")!.TextContent));
        Assert.Contains("likely a real step forward", rows[1].TextContent, StringComparison.Ordinal);
        PageBrowser.AssertRedirectsTo(reminder, "/measures/phq9/history");
        Assert.Contains("every 3 weeks", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("/calendar/", after.QuerySelector("#feed-url")!.GetAttribute("value"), StringComparison.Ordinal);
    }
}
