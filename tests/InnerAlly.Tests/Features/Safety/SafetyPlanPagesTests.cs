using System.Net;
using InnerAlly.Features.Safety;
using InnerAlly.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Features.Safety;

/// <summary>/safety-plan to read and print, /safety-plan/edit to write it: the same rules as the API.</summary>
public sealed class SafetyPlanPagesTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private SafetyPlanGuide Guide => factory.Services.GetRequiredService<SafetyPlanGuide>();

    private static readonly string[] Ids = ["plan-warningSigns", "plan-copingOnMyOwn", "plan-peopleAndPlaces", "plan-peopleToAsk", "plan-professionals", "plan-saferSurroundings", "plan-mattersMost"];

    private static Dictionary<string, string> Written(string tag) => new()
    {
        ["Input.WarningSigns"] = $"{tag}: I stop answering messages.\nI stay in bed.",
        ["Input.CopingOnMyOwn"] = $"{tag}: a hot shower",
        ["Input.PeopleAndPlaces"] = $"{tag}: the library",
        ["Input.PeopleToAsk"] = $"{tag}: Jo, my sister",
        ["Input.Professionals"] = $"{tag}: my GP surgery",
        ["Input.SaferSurroundings"] = $"{tag}: Jo keeps my tablets",
        ["Input.MattersMost"] = $"{tag}: my dog Biscuit",
    };

    [Theory]
    [InlineData("/safety-plan")]
    [InlineData("/safety-plan/edit")]
    public async Task Signed_out_visitors_are_sent_to_sign_in(string path)
    {
        var response = await factory.CreatePageClient().GetAsync(path, PageBrowser.Cancel);

        PageBrowser.AssertRedirectsTo(response, "http://localhost/account/login");
    }

    [Fact]
    public async Task Before_writing_anything_the_page_explains_the_plan_and_invites_without_pushing()
    {
        var browser = await PageBrowser.RegisterAsync(factory);

        var page = await browser.OpenAsync("/safety-plan");

        Assert.Contains("When you are ready", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Guide.Steps.Select(s => s.Title), page.QuerySelectorAll(".plan-outline li").Select(li => li.TextContent.Trim()));
        Assert.Equal("Write my plan", page.QuerySelector("main a[href='/safety-plan/edit']")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("button[data-print]"));
    }

    [Fact]
    public async Task Each_step_is_explained_beside_its_field()
    {
        var browser = await PageBrowser.RegisterAsync(factory);

        var page = await browser.OpenAsync("/safety-plan/edit");

        Assert.Equal(Ids, page.QuerySelectorAll("main form textarea").Select(t => t.Id));
        foreach (var (step, i) in Guide.Steps.Select((s, i) => (s, i)))
        {
            Assert.Contains(step.Title, page.QuerySelector($"label[for='{step.Id}']")!.TextContent, StringComparison.Ordinal);
            Assert.Contains(step.Explanation, page.QuerySelector($"#{step.Id}-hint")!.TextContent, StringComparison.Ordinal);
            Assert.Contains($"{step.Id}-hint", page.QuerySelector($"#{step.Id}")!.GetAttribute("aria-describedby")!, StringComparison.Ordinal);
            Assert.Equal(i < SafetyPlanGuide.NumberedSteps, page.QuerySelector($"label[for='{step.Id}']")!.TextContent.StartsWith($"{i + 1}. ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Writing_the_plan_saves_it_and_shows_it_to_read_and_print()
    {
        var email = InnerAllyFactory.NewEmail();
        var browser = await PageBrowser.RegisterAsync(factory, email);

        var saved = await browser.SubmitAsync("/safety-plan/edit", Written("mine"));

        PageBrowser.AssertRedirectsTo(saved, "/safety-plan");
        var page = await browser.OpenAsync("/safety-plan");
        Assert.Contains("Your safety plan is saved", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var steps = page.QuerySelectorAll(".plan-step").ToList();
        Assert.Equal(Guide.Steps.Select(s => s.Field), steps.Select(s => s.GetAttribute("data-step")));
        Assert.Equal(Written("mine").Values, steps.Select(s => s.QuerySelector(".note-text")!.TextContent));
        Assert.Equal(6, page.QuerySelectorAll("ol.plan > li").Length);
        Assert.Contains("Last changed", page.QuerySelector(".plan-updated")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("button[data-print][hidden]"));
        Assert.NotNull(page.QuerySelector("main a[href='/safety-plan/edit']"));
        Assert.Contains("stored encrypted", page.QuerySelector(".privacy-note")!.TextContent, StringComparison.Ordinal);

        // What is saved is what the form offers to change.
        var form = await browser.OpenAsync("/safety-plan/edit");
        Assert.Equal(Written("mine").Values, Ids.Select(id => form.QuerySelector($"#{id}")!.TextContent));
    }

    [Fact]
    public async Task A_step_left_empty_reads_as_not_written_yet()
    {
        var browser = await PageBrowser.RegisterAsync(factory);
        var fields = Written("some");
        fields["Input.PeopleAndPlaces"] = "";
        fields["Input.MattersMost"] = "  ";

        await browser.SubmitAsync("/safety-plan/edit", fields);
        var page = await browser.OpenAsync("/safety-plan");

        Assert.Equal("Not written yet.", page.QuerySelector("[data-step='peopleAndPlaces'] p")!.TextContent);
        Assert.Equal("Not written yet.", page.QuerySelector("[data-step='mattersMost'] p")!.TextContent);
        Assert.Equal("some: Jo, my sister", page.QuerySelector("[data-step='peopleToAsk'] .note-text")!.TextContent);
    }

    [Fact]
    public async Task A_step_that_is_too_long_is_explained_beside_it_and_nothing_typed_is_lost()
    {
        var email = InnerAllyFactory.NewEmail();
        var browser = await PageBrowser.RegisterAsync(factory, email);
        await browser.SubmitAsync("/safety-plan/edit", Written("saved"));
        var fields = Written("typed");
        fields["Input.Professionals"] = new string('x', SafetyPlan.StepMaxLength + 1);

        var response = await browser.SubmitAsync("/safety-plan/edit", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageBrowser.ParseAsync(response);
        Assert.Contains("up to 4,000 characters", PageBrowser.FieldError(page, "plan-professionals"), StringComparison.Ordinal);
        Assert.Null(PageBrowser.FieldError(page, "plan-warningSigns"));
        Assert.Equal("true", page.QuerySelector("#plan-professionals")!.GetAttribute("aria-invalid"));
        Assert.Contains("Nothing you wrote is lost", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(fields.Values, Ids.Select(id => page.QuerySelector($"#{id}")!.TextContent));
        var plan = await browser.OpenAsync("/safety-plan");
        Assert.Equal("saved: my GP surgery", plan.QuerySelector("[data-step='professionals'] .note-text")!.TextContent);
    }

    [Fact]
    public async Task The_plan_page_ends_with_the_lines_for_the_persons_country()
    {
        var browser = await PageBrowser.RegisterAsync(factory);
        await browser.SubmitAsync("/account", new Dictionary<string, string> { ["Preferences.Country"] = "IE" }, "main form[action*='handler=Country']");

        var page = await browser.OpenAsync("/safety-plan");

        var help = page.QuerySelector(".plan-help")!;
        Assert.Contains("call 112 or 999", help.TextContent, StringComparison.Ordinal);
        Assert.Equal(["tel:116123", "tel:1800247247", "tel:1800341900"], help.QuerySelectorAll("a.button").Select(a => a.GetAttribute("href")));
        Assert.NotNull(help.QuerySelector("a[href='/help']"));
    }

    [Fact]
    public async Task Each_person_sees_only_their_own_plan()
    {
        var ana = await PageBrowser.RegisterAsync(factory);
        var ben = await PageBrowser.RegisterAsync(factory);
        await ana.SubmitAsync("/safety-plan/edit", Written("ana"));

        var bensPlan = await ben.OpenAsync("/safety-plan");
        var bensForm = await ben.OpenAsync("/safety-plan/edit");

        Assert.DoesNotContain("ana:", bensPlan.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("ana:", bensForm.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(bensPlan.QuerySelector(".plan-outline"));
    }
}
