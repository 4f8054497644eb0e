using InnerAlly.E2E.Infrastructure;

namespace InnerAlly.E2E;

/// <summary>
/// Every page, walked once: opened as a person would see it at 1280 px, checked by axe in light
/// (<see cref="AxeCheck"/>) and for how it sits on the screen (<see cref="NarrowScreenCheck"/>:
/// no sideways scroll, "Need help now?" in sight, 44 px targets), then opened again in a 320 px tab of
/// the same browser context, for the same person, checked the same way and with the phone's bottom
/// bar; that tab is then widened to 390 px, checked again and given to axe in dark. So each scheme
/// and each layout gets one axe run: two runs a page, not four, which keeps CI under 15 minutes
/// (contrast does not change with the width, and targets are measured at every width anyway). The
/// Content-Security-Policy is watched on both tabs (<see cref="CspWatch"/>). Every problem found is
/// reported together, so one does not hide another.
/// </summary>
public sealed class PageWalkTests(BrowserApp app) : BrowserTest(app)
{
    [Theory]
    [MemberData(nameof(AllPages))]
    public async Task Page_passes_axe_in_light_and_dark_keeps_its_content_security_policy_and_fits_320_390_and_1280_px(AppPage which)
    {
        var context = await NewContextAsync(new() { ColorScheme = ColorScheme.Light });
        var csp = await CspWatch.StartAsync(context);
        var problems = new List<string>();

        var wide = await OpenAsync(context, which);
        // Everything the page asks for has arrived, so a late script or style is watched too.
        await WaitUntilLoadedAsync(wide.Page, LoadState.NetworkIdle);
        problems.AddRange(await AxeCheck.ProblemsAsync(wide.Page, which, ColorScheme.Light));
        problems.AddRange(await csp.ProblemsAsync(wide.FirstResponse, which));
        problems.AddRange(await NarrowScreenCheck.ProblemsAsync(wide.Page, wide.MainActions, which, phone: false));

        var narrow = await OpenAsync(context, which, NarrowScreenCheck.Viewport);
        problems.AddRange(await NarrowScreenCheck.ProblemsAsync(narrow.Page, narrow.MainActions, which));
        await narrow.Page.SetViewportSizeAsync(NarrowScreenCheck.Phone.Width, NarrowScreenCheck.Phone.Height);
        problems.AddRange(await NarrowScreenCheck.ProblemsAsync(narrow.Page, narrow.MainActions, which));
        await WaitUntilLoadedAsync(narrow.Page, LoadState.NetworkIdle);
        problems.AddRange(await AxeCheck.ProblemsAsync(narrow.Page, which, ColorScheme.Dark));
        problems.AddRange(await csp.ProblemsAsync(narrow.FirstResponse, which));

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }
}
