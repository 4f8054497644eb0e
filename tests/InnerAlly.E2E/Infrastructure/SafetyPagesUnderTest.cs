using static Microsoft.Playwright.Assertions;

namespace InnerAlly.E2E.Infrastructure;

/// <summary>The help and safety-plan pages, signed out and in.</summary>
public abstract partial class BrowserTest
{
    private static async Task<(IResponse, List<(string, ILocator)>)> OpenHelpSignedInAsync(IBrowserContext context, IPage page)
    {
        var person = await SignUpAndSignInAsync(context);
        await ExpectOkAsync(await context.APIRequest.PutAsync("/api/v1/account/preferences", new()
        {
            DataObject = new { timeZone = "Pacific/Auckland", country = "NZ" },
            Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {await ApiTokenAsync(context, person)}" },
        }));
        var response = await GoAsync(page, "/help");
        await Expect(page.Locator("li.crisis-first")).ToHaveAttributeAsync("data-country", "NZ");
        return (response,
        [
            ("the 'Open my safety plan' button", page.GetByRole(AriaRole.Link, new() { Name = "Open my safety plan" })),
            ("the first line's Call button", page.Locator("li.crisis-first").GetByRole(AriaRole.Link, new() { Name = "Call Need to talk?" })),
        ]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenSafetyPlanAsync(IBrowserContext context, IPage page)
    {
        var person = await SignUpAndSignInAsync(context);
        await ExpectOkAsync(await context.APIRequest.PutAsync("/api/v1/safety-plan", new()
        {
            DataObject = new
            {
                warningSigns = "I stop answering messages. I lie awake going over the same conversation again and again.",
                copingOnMyOwn = "A hot shower. Soothing rhythm breathing for five minutes. The playlist called 'slow'.",
                peopleAndPlaces = "The library on Queen Street. My neighbour's garden.",
                peopleToAsk = "Jo, my sister. Sam from choir.",
                professionals = "My GP surgery in the day. A crisis line at night.",
                saferSurroundings = "Jo keeps my tablets for now.",
                mattersMost = "My dog Biscuit, and seeing the sea again.",
            },
            Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {await ApiTokenAsync(context, person)}" },
        }));
        var response = await GoAsync(page, "/safety-plan");
        return (response,
        [
            ("the first step", page.Locator("ol.plan > li").First),
            ("the 'Change my plan' link", page.GetByRole(AriaRole.Link, new() { Name = "Change my plan" })),
            ("the Print button", page.GetByRole(AriaRole.Button, new() { Name = "Print" })),
        ]);
    }

    private static async Task<(IResponse, List<(string, ILocator)>)> OpenHelpAsync(IPage page)
    {
        var response = await GoAsync(page, "/help");
        return (response,
        [
            ("the heading", page.GetByRole(AriaRole.Heading, new() { Level = 1 })),
            ("the lines shown first", page.Locator("li.crisis-first")),
        ]);
    }
}
