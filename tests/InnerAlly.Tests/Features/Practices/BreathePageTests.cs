using System.Globalization;
using AngleSharp.Html.Dom;
using InnerAlly.Features.Practices;
using InnerAlly.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Features.Practices;

/// <summary>
/// /practices/breathe works as a plain page (a GET form, and the counts in words) before any script
/// runs; a practice page carries the seconds of each step for the guided player.
/// </summary>
public sealed class BreathePageTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private PracticeCatalog Library => factory.Services.GetRequiredService<PracticeCatalog>();


    private static string Selected(IHtmlDocument page, string id) =>
        page.QuerySelector($"#{id} option[selected]")?.GetAttribute("value") ?? "(nothing chosen)";

    [Fact]
    public async Task Without_a_choice_the_pacer_uses_6_breaths_a_minute_at_1_to_1_5_for_5_minutes_and_says_so_in_words()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var page = await session.OpenAsync("/practices/breathe");

        Assert.Contains("Breathe in for 4 seconds, then out for 6 seconds. That is 6 breaths a minute, for 5 minutes.",
            page.QuerySelector(".breathe-words")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("6", Selected(page, "rate"));
        Assert.Equal("1.5", Selected(page, "ratio"));
        Assert.Equal("5", Selected(page, "minutes"));
        var form = page.QuerySelector("form.breathe-form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/practices/breathe", form.GetAttribute("action"));
        Assert.Null(page.QuerySelector(".field-error"));
        var pacer = page.QuerySelector("[data-player] [data-pacer]")!;
        Assert.Equal("6", pacer.GetAttribute("data-rate"));
        Assert.Equal("1.5", pacer.GetAttribute("data-ratio"));
        Assert.Equal("300", page.QuerySelector("#breathe-steps [data-step]")!.GetAttribute("data-seconds"));
        Assert.Equal("/practices/soothing-rhythm-breathing/log", page.QuerySelector("[data-player]")!.GetAttribute("data-log"));
    }

    [Theory]
    [InlineData("rate=8&ratio=2&minutes=10", "8", "2", "10", "Breathe in for 2.5 seconds, then out for 5 seconds. That is 8 breaths a minute, for 10 minutes.")]
    [InlineData("rate=3&ratio=1&minutes=1", "3", "1", "1", "Breathe in for 10 seconds, then out for 10 seconds. That is 3 breaths a minute, for 1 minute.")]
    [InlineData("rate=6&ratio=1%3A1.25&minutes=3", "6", "1.25", "3", "Breathe in for 4.4 seconds, then out for 5.6 seconds. That is 6 breaths a minute, for 3 minutes.")]
    public async Task A_chosen_pace_is_used_and_said_in_words(string query, string rate, string ratio, string minutes, string words)
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var page = await session.OpenAsync($"/practices/breathe?{query}");

        Assert.Contains(words, page.QuerySelector(".breathe-words")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(rate, Selected(page, "rate"));
        Assert.Equal(ratio, Selected(page, "ratio"));
        Assert.Equal(minutes, Selected(page, "minutes"));
        Assert.Equal((int.Parse(minutes, CultureInfo.InvariantCulture) * 60).ToString(CultureInfo.InvariantCulture),
            page.QuerySelector("#breathe-steps [data-step]")!.GetAttribute("data-seconds"));
        Assert.Null(page.QuerySelector(".field-error"));
    }

    [Theory]
    [InlineData("rate=12", "rate", "Choose from 3 to 8 breaths a minute. For now this uses 6.")]
    [InlineData("rate=2", "rate", "Choose from 3 to 8 breaths a minute. For now this uses 6.")]
    [InlineData("rate=five", "rate", "Choose from 3 to 8 breaths a minute. For now this uses 6.")]
    [InlineData("ratio=3", "ratio", "For now this uses 1:1.5.")]
    [InlineData("ratio=1.3", "ratio", "For now this uses 1:1.5.")]
    [InlineData("minutes=7", "minutes", "Choose 1, 3, 5 or 10 minutes. For now this uses 5.")]
    public async Task A_pace_outside_the_choices_falls_back_to_the_default_with_a_message_beside_its_field(string query, string field, string message)
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var page = await session.OpenAsync($"/practices/breathe?{query}");

        Assert.Contains(message, PageBrowser.FieldError(page, field), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
        Assert.Single(page.QuerySelectorAll(".field-error"));
        Assert.NotNull(page.QuerySelector(".form-message[role=alert]"));
        Assert.Contains("Breathe in for 4 seconds, then out for 6 seconds. That is 6 breaths a minute, for 5 minutes.",
            page.QuerySelector(".breathe-words")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("soothing-rhythm-breathing", 3)]
    [InlineData("soothing-rhythm-breathing", 10)]
    [InlineData("compassionate-colour", 5)]
    public async Task A_practice_page_gives_the_player_the_seconds_of_each_step(string id, int minutes)
    {
        var session = await PageBrowser.RegisterAsync(factory);
        var steps = Library.Find(id)!.StepsFor(minutes);

        var page = await session.OpenAsync($"/practices/{id}?minutes={minutes}");

        var items = page.QuerySelectorAll("ol.script > li");
        Assert.Equal(steps.Select(s => s.Seconds.ToString(CultureInfo.InvariantCulture)), items.Select(li => li.GetAttribute("data-seconds")));
        Assert.All(items, li => Assert.True(li.HasAttribute("data-step")));
        Assert.Equal(steps.Select(s => s.Text), items.Select(li => li.QuerySelector("[data-step-text]")!.TextContent));
        var player = page.QuerySelector("[data-player]")!;
        Assert.True(player.HasAttribute("hidden"), "Without JavaScript the player stays hidden and the page is the script.");
        Assert.Equal("script", player.GetAttribute("data-script"));
        Assert.Equal($"/practices/{id}/log", player.GetAttribute("data-log"));
        Assert.Equal(id == "soothing-rhythm-breathing", player.QuerySelector("[data-pacer]") is not null);
    }

    [Fact]
    public async Task The_breathing_practice_links_to_the_pacer_and_other_practices_do_not()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var breathing = await session.OpenAsync("/practices/soothing-rhythm-breathing");
        var colour = await session.OpenAsync("/practices/compassionate-colour");

        Assert.NotNull(breathing.QuerySelector("main a[href='/practices/breathe']"));
        Assert.Null(colour.QuerySelector("main a[href='/practices/breathe']"));
    }

    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    /// <summary>Issue 15: the script said in 4, out 5-6, while the pacer on its own kept 5 a minute at 1:1.5 (4.8 s and 7.2 s).</summary>
    [Fact]
    public async Task The_breathing_script_counts_the_same_pace_its_pacer_and_the_pacer_on_its_own_keep()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        var script = string.Join(' ', Library.Find(BreatheModel.PracticeId)!.Steps.Select(s => s.Text));
        var counts = System.Text.RegularExpressions.Regex.Matches(script, @"count of about (\w+)")
            .Select(m => (decimal)Array.IndexOf(NumberWords, m.Groups[1].Value))
            .ToList();

        var practice = await session.OpenAsync($"/practices/{BreatheModel.PracticeId}");
        var alone = await session.OpenAsync("/practices/breathe");

        Assert.Equal([4m, 6m], counts);
        foreach (var pacer in new[] { practice, alone }.Select(p => p.QuerySelector("[data-player] [data-pacer]")!))
        {
            var pace = new PacerView(
                int.Parse(pacer.GetAttribute("data-rate")!, CultureInfo.InvariantCulture),
                decimal.Parse(pacer.GetAttribute("data-ratio")!, CultureInfo.InvariantCulture));
            Assert.Equal(counts, [pace.InSeconds, pace.OutSeconds]);
        }

        Assert.Contains("Breathe in for 4 seconds, then out for 6 seconds.", alone.QuerySelector(".breathe-words")!.TextContent, StringComparison.Ordinal);
    }
}
