using System.Net;
using InnerAlly.Features.Practices;
using InnerAlly.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Features.Practices;

public sealed class PracticePagesTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private PracticeCatalog Library => factory.Services.GetRequiredService<PracticeCatalog>();


    private static KeyValuePair<string, string> Field(string name, object value) => new(name, value.ToString()!);

    [Fact]
    public async Task The_library_groups_every_practice_in_the_training_sequence_and_says_where_to_begin()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var page = await session.OpenAsync("/practices");

        var groups = page.QuerySelectorAll("section.practice-group");
        Assert.Equal(
            ["Start here", "Soothing the body", "Imagery", "The compassionate self", "Compassion flowing", "Compassion in action"],
            groups.Select(g => g.QuerySelector("h2")!.TextContent));
        Assert.Equal(Library.All.Count, page.QuerySelectorAll(".practice-card").Length);
        var first = groups[0].QuerySelector(".practice-card")!;
        Assert.Equal("/practices/soothing-rhythm-breathing", first.QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.Contains("3, 5 or 10 minutes", first.TextContent, StringComparison.Ordinal);
        Assert.Contains("Works with soothe and threat", System.Text.RegularExpressions.Regex.Replace(first.QuerySelector(".practice-meta")!.TextContent, @"\s+", " "), StringComparison.Ordinal);
        Assert.NotNull(groups[2].QuerySelector("a[href='/practices/safe-place']"));
        Assert.NotNull(groups[5].QuerySelector("a[href='/practices/compassionate-action']"));
        Assert.Contains("begin with soothing rhythm breathing", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".system-tag"));
    }

    [Fact]
    public async Task The_breathing_script_says_where_the_pacer_its_words_mention_is()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var breathing = await session.OpenAsync("/practices/soothing-rhythm-breathing?minutes=3");
        var colour = await session.OpenAsync("/practices/compassionate-colour");

        Assert.Contains("once you press Start", breathing.QuerySelector("#pacer-where")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(breathing.QuerySelector("#pacer-where a[href='/practices/breathe']"));
        Assert.Null(colour.QuerySelector("#pacer-where"));
    }

    [Fact]
    public async Task A_practice_page_is_a_readable_script_for_the_chosen_length()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        var practice = Library.Find("compassionate-colour")!;

        var page = await session.OpenAsync("/practices/compassionate-colour?minutes=10");

        Assert.Equal(practice.Title, page.QuerySelector("h1")!.TextContent);
        Assert.Contains(practice.WhenHard, page.QuerySelector(".panel-soft")!.TextContent, StringComparison.Ordinal);
        var steps = page.QuerySelectorAll("ol.script > li");
        Assert.Equal(practice.StepsFor(10).Count, steps.Length);
        Assert.Contains(practice.StepsFor(10)[0].Text, steps[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("page", page.QuerySelector(".range-tabs a[href='/practices/compassionate-colour?minutes=10']")!.GetAttribute("aria-current"));
        Assert.Equal("/practices/compassionate-colour/log?minutes=10", page.QuerySelector("a[href*='/log']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_unknown_practice_page_is_404()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        Assert.Equal(HttpStatusCode.NotFound, await session.StatusOfAsync("/practices/juggling"));
        Assert.Equal(HttpStatusCode.NotFound, await session.StatusOfAsync("/practices/juggling/log"));
    }

    [Fact]
    public async Task Logging_a_practice_saves_it_and_shows_it_in_history()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var response = await session.SubmitAsync("/practices/soothing-touch/log?minutes=3",
        [
            Field("Input.Before.Threat", 6),
            Field("Input.Before.Soothe", 3),
            Field("Input.After.Threat", 4),
            Field("Input.After.Soothe", 6),
            Field("Input.Note", "Warm hands helped."),
        ]);

        PageBrowser.AssertRedirectsTo(response, "/practices/history");
        var history = await session.OpenAsync("/practices/history");
        Assert.Contains("Saved: Soothing touch.", history.QuerySelector(".form-message")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("3 minutes of practice on 1 day", history.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        var item = history.QuerySelector(".practice-sessions li")!;
        Assert.Contains("Soothing touch", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Before: threat 6, soothe 3", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Warm hands helped.", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Averages appear after 3 rated sessions (1 so far).", history.QuerySelector("ul.insights")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_minutes_show_a_message_beside_the_field_keep_the_note_and_save_nothing()
    {
        var email = InnerAllyFactory.NewEmail();
        var session = await PageBrowser.RegisterAsync(factory, email);

        var response = await session.SubmitAsync("/practices/safe-place/log", [Field("Input.Minutes", 0), Field("Input.Note", "Keep me.")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageBrowser.ParseAsync(response);
        Assert.Contains("1 to 180", page.QuerySelector("#minutes-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#minutes")!.GetAttribute("aria-invalid"));
        Assert.Equal("Keep me.", page.QuerySelector("#note")!.TextContent);
        Assert.Equal(0, factory.WithDb(db => db.PracticeSessions.Count(s => db.Users.Any(u => u.Id == s.UserId && u.Email == email))));
    }

    [Fact]
    public async Task An_empty_history_invites_rather_than_counts()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var page = await session.OpenAsync("/practices/history");

        Assert.NotNull(page.QuerySelector(".empty-state a[href='/practices']"));
        Assert.Null(page.QuerySelector("ul.insights"));
    }
}
