using System.Text.RegularExpressions;
using InnerAlly.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace InnerAlly.E2E;

/// <summary>
/// A therapist and a client, each in their own browser: the therapist makes a code on the caseload;
/// the client types it, chooses what to share, looks at the therapist's page as those choices would
/// draw it, accepts and checks in; the therapist sees
/// it; the client takes it back and the therapist sees "not shared". Then a message each way. The axe, 320 px and CSP checks
/// of these pages are in the page walk (<see cref="AppPage.Caseload"/> and the ones beside it).
/// </summary>
public sealed partial class CareTeamTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_code_from_the_caseload_is_accepted_with_chosen_sharing_seen_by_the_therapist_and_taken_back()
    {
        var therapistContext = await NewContextAsync();
        await TherapistAsync(therapistContext, await SignUpAndSignInAsync(therapistContext), "Dr Ana Silva");
        var therapist = await therapistContext.NewPageAsync();
        await GoAsync(therapist, "/caseload");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Make a code" }).ClickAsync();
        var code = (await therapist.Locator(".invite-code code").TextContentAsync())!.Trim();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code);

        var clientContext = await NewContextAsync();
        var person = await SignUpAndSignInAsync(clientContext);
        var client = await clientContext.NewPageAsync();
        await GoAsync(client, "/");
        await client.GetByText("More", new() { Exact = true }).ClickAsync();
        await client.GetByRole(AriaRole.Link, new() { Name = "Your care team" }).ClickAsync();
        await client.GetByRole(AriaRole.Link, new() { Name = "I have a code from my therapist" }).ClickAsync();
        await client.GetByLabel("Your code").FillAsync(code.ToLowerInvariant());
        await client.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(client.Locator("main .lead")).ToContainTextAsync("Dr Ana Silva");
        await client.GetByLabel("Your name as Dr Ana Silva will see it").FillAsync("Jo");
        // The choices fold into groups; nothing is shared yet, so each group is closed until opened.
        await Expect(client.GetByLabel("Check-in ratings", new() { Exact = true })).ToBeHiddenAsync();
        await client.Locator("summary", new() { HasText = "Check-ins" }).ClickAsync();
        await client.GetByLabel("Check-in ratings", new() { Exact = true }).SelectOptionAsync("from-now");
        await SaveScreenshotAsync(client, "CareTeamJoin-flow");
        // Before saying yes: the therapist's page as these choices would draw it, with the choices kept.
        await client.GetByRole(AriaRole.Button, new() { Name = "Show me what they would see" }).ClickAsync();
        await Expect(client.GetByRole(AriaRole.Heading, new() { Name = "What Dr Ana Silva would see" })).ToBeVisibleAsync();
        await Expect(client.GetByLabel("Check-in ratings", new() { Exact = true })).ToHaveValueAsync("from-now");
        await SaveScreenshotAsync(client, "CareTeamJoin-preview");
        await client.GetByRole(AriaRole.Button, new() { Name = "Start working together" }).ClickAsync();
        await WaitForPageAsync(client, new Regex("/care-team$"));
        await Expect(client.GetByRole(AriaRole.Status)).ToContainTextAsync("You are now working with Dr Ana Silva");

        // The check-in page itself is tested on its own; here the check-in is what the therapist should then see.
        await RecordCheckInAsync(clientContext, person, new { threat = 7, drive = 3, soothe = 2 });

        await GoAsync(therapist, "/caseload");
        var row = therapist.Locator(".caseload-table tbody tr", new() { HasText = "Jo" });
        await Expect(row).ToContainTextAsync("today");
        await Expect(row).ToContainTextAsync("7.0");
        await row.GetByRole(AriaRole.Link, new() { Name = "Jo" }).ClickAsync();
        await WaitForPageAsync(therapist, new Regex("/caseload/[0-9a-f-]+$"));
        var clientPage = therapist.Url;
        await Expect(therapist.Locator("figure.trend-figure svg")).ToBeVisibleAsync();
        await SaveScreenshotAsync(therapist, "CaseloadClient-flow");

        await GoAsync(client, "/care-team");
        await Expect(client.Locator(".look-list")).ToContainTextAsync("Dr Ana Silva looked at your check-in ratings");
        await client.GetByLabel("Check-in ratings", new() { Exact = true }).SelectOptionAsync("none");
        await client.GetByRole(AriaRole.Button, new() { Name = "Save what Dr Ana Silva sees" }).ClickAsync();
        await Expect(client.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");

        await therapist.GotoAsync(clientPage);
        await Expect(therapist.Locator("section", new() { Has = therapist.GetByRole(AriaRole.Heading, new() { Name = "Check-ins" }) })).ToContainTextAsync("Not shared.");
        await GoAsync(therapist, "/caseload");
        await Expect(therapist.Locator(".caseload-table tbody tr", new() { HasText = "Jo" })).ToContainTextAsync("not shared");
    }

    [Fact]
    public async Task A_message_each_way_through_the_pages_with_the_read_mark_and_the_reply_expectation()
    {
        var therapistContext = await NewContextAsync();
        var therapistPerson = await SignUpAndSignInAsync(therapistContext);
        var made = await TherapistAsync(therapistContext, therapistPerson, "Dr Ana Silva");
        var clientContext = await NewContextAsync();
        var client = await ClientAsync(clientContext, made, "Jo");
        var therapist = await therapistContext.NewPageAsync();

        await GoAsync(therapist, "/messages");
        await therapist.GetByLabel("Shown on each conversation with you").FillAsync("I usually reply within 2 working days.");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(therapist.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await therapist.GetByRole(AriaRole.Link, new() { Name = "Jo" }).ClickAsync();
        await WaitForPageAsync(therapist, new Regex("/messages/[0-9a-f-]+$"));
        await therapist.GetByLabel("Write to Jo").FillAsync("How did this week go? A word or two is plenty.");
        await therapist.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(therapist.GetByRole(AriaRole.Status)).ToContainTextAsync("Sent");

        // The client finds the message under More.
        await SignInAsync(clientContext, client.Person);
        var page = await clientContext.NewPageAsync();
        await GoAsync(page, "/");
        await page.GetByText("More", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Messages" }).ClickAsync();
        await Expect(page.Locator(".thread-list")).ToContainTextAsync("1 new");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dr Ana Silva" }).ClickAsync();
        await Expect(page.Locator(".message-theirs .message-text")).ToHaveTextAsync("How did this week go? A word or two is plenty.");
        await Expect(page.Locator(".reply-expectation")).ToContainTextAsync("I usually reply within 2 working days.");
        await Expect(page.Locator(".not-for-emergencies")).ToContainTextAsync("Not for emergencies");
        await page.GetByLabel("Write to Dr Ana Silva").FillAsync("Calmer than last week. The breathing helped twice.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.Locator(".message-mine .message-text")).ToHaveTextAsync("Calmer than last week. The breathing helped twice.");
        await SaveScreenshotAsync(page, "MessageThread-flow");

        await therapist.ReloadAsync();
        await Expect(therapist.Locator(".message-theirs .message-text")).ToHaveTextAsync("Calmer than last week. The breathing helped twice.");
        await Expect(therapist.Locator(".message-mine .message-meta")).ToContainTextAsync("read");
    }
}
