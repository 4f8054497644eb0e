using System.Net;
using InnerAlly.Features.Learn;
using InnerAlly.Features.Safety;
using InnerAlly.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Features.Safety;

/// <summary>The help page is open to anyone, and on a phone each line is one tap away.</summary>
public sealed class HelpPageTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private CrisisLines Lines => factory.Services.GetRequiredService<CrisisLines>();


    [Fact]
    public async Task Anyone_can_open_help_and_call_or_text_a_line_in_one_tap()
    {
        var (response, page) = await new PageBrowser(factory.CreateClient()).GetAsync("/help");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = page.QuerySelectorAll(".crisis-list a.button").Select(a => (Name: a.GetAttribute("aria-label"), Href: a.GetAttribute("href"))).ToList();
        Assert.Contains(("Call Samaritans", "tel:116123"), links);
        Assert.Contains(("Call 988 Suicide & Crisis Lifeline", "tel:988"), links);
        Assert.Contains(("Text Crisis Text Line", "sms:741741?body=HOME"), links);
        Assert.Contains(("Text Shout", "sms:85258?body=SHOUT"), links);
        Assert.Equal(Lines.All.Countries.Sum(c => c.Lines.Count(l => l.Call is not null) + c.Lines.Count(l => l.Text is not null)), links.Count);
    }

    [Fact]
    public async Task Help_opens_the_persons_safety_plan_in_one_tap()
    {
        var browser = await PageBrowser.RegisterAsync(factory);

        var page = await browser.OpenAsync("/help");

        var link = page.QuerySelector("main a[href='/safety-plan']");
        Assert.NotNull(link);
        Assert.Equal("Open my safety plan", link.TextContent.Trim());
        Assert.Null(page.QuerySelector(".safety-plan-link .muted"));
    }

    [Fact]
    public async Task Signed_out_visitors_see_the_safety_plan_link_and_are_told_it_needs_a_sign_in()
    {
        var page = await new PageBrowser(factory.CreatePageClient()).OpenAsync("/help");

        Assert.NotNull(page.QuerySelector("main a[href='/safety-plan']"));
        Assert.Contains("sign in first", page.QuerySelector(".safety-plan-link")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_link_dials_the_number_the_line_shows()
    {
        foreach (var line in Lines.All.Countries.SelectMany(c => c.Lines))
        {
            var shown = new string(line.How.Where(char.IsAsciiDigit).ToArray());
            foreach (var digits in new[] { line.Call, line.Text }.OfType<string>())
            {
                Assert.True(digits.All(char.IsAsciiDigit), $"{line.Name}: '{digits}' should be digits only.");
                Assert.True(shown.Contains(digits, StringComparison.Ordinal), $"{line.Name}: {digits} is not the number shown, '{line.How}'.");
            }

            Assert.True(line.TextMessage is null || line.How.Contains(line.TextMessage, StringComparison.Ordinal), $"{line.Name}: the message to send is not shown.");
        }
    }

    [Fact]
    public void Every_line_added_after_the_first_list_says_where_its_number_was_taken_from_and_when()
    {
        foreach (var country in Lines.All.Countries)
        {
            foreach (var line in country.Lines.Where(l => l.LastVerified is not null || l.Source is not null))
            {
                Assert.False(string.IsNullOrWhiteSpace(line.Source), $"{country.Code} {line.Name}: no source.");
                Assert.NotNull(line.LastVerified);
                Assert.True(line.LastVerified >= country.LastVerified, $"{country.Code} {line.Name}: checked before its country's entry.");
            }
        }
    }

    [Fact]
    public void A_country_with_lines_keeps_its_emergency_number_in_one_place()
    {
        var listed = Lines.All.Countries.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain((Lines.All.EmergencyNumbers ?? new Dictionary<string, string>()).Keys, listed.Contains);
        Assert.All(Lines.All.Countries, c => Assert.False(string.IsNullOrWhiteSpace(c.Emergency), c.Code));
    }

    [Theory]
    [InlineData("AT")]
    [InlineData("BE")]
    [InlineData("BG")]
    [InlineData("HR")]
    [InlineData("CY")]
    [InlineData("CZ")]
    [InlineData("DK")]
    [InlineData("EE")]
    [InlineData("FI")]
    [InlineData("FR")]
    [InlineData("DE")]
    [InlineData("GR")]
    [InlineData("HU")]
    [InlineData("IE")]
    [InlineData("IT")]
    [InlineData("LV")]
    [InlineData("LT")]
    [InlineData("LU")]
    [InlineData("MT")]
    [InlineData("NL")]
    [InlineData("PL")]
    [InlineData("PT")]
    [InlineData("RO")]
    [InlineData("SK")]
    [InlineData("SI")]
    [InlineData("ES")]
    [InlineData("SE")]
    [InlineData("IS")]
    [InlineData("LI")]
    [InlineData("NO")]
    public void Every_EU_and_EEA_country_offers_112(string code) =>
        Assert.Contains("112", Lines.EmergencyFor(code), StringComparison.Ordinal);

    /// <summary>The words beside each number are ours (the names are the services' own), so they read as plainly as the rest (CFT-GUIDE section 5).</summary>
    [Fact]
    public void What_each_line_says_reads_plainly_and_never_judges()
    {
        var hows = Lines.All.Countries.SelectMany(c => c.Lines).Select(l => l.How).ToList();

        Assert.All(hows, how => Assert.DoesNotContain('!', how));
        Assert.All(hows, how => Assert.DoesNotContain(Learn.ContentWordsTests.Judging, j => how.Contains(j, StringComparison.OrdinalIgnoreCase)));
        var whole = ReadingLevel.Grade(string.Join('\n', hows));
        Assert.True(whole <= 8, $"The lines read at grade {whole:0.0}.");
    }
}
