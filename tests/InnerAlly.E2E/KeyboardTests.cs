using System.Text.Json;
using System.Text.RegularExpressions;
using InnerAlly.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace InnerAlly.E2E;

/// <summary>
/// A whole check-in with the keyboard alone: Tab and Shift+Tab to move, arrows to choose a number,
/// Space to tick, Enter to send. No clicks and no fill. At every stop the focus must be visible.
/// </summary>
public sealed partial class KeyboardTests(BrowserApp app) : BrowserTest(app)
{
    /// <summary>
    /// Where the focus is and whether a ring is drawn for it: on the element itself, or for a native
    /// input that is visually replaced (the 0-10 circles, the feeling chips) on the shape drawn beside it.
    /// </summary>
    private const string FocusProbe = """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return { element: "nothing", name: "", value: "", shown: false, ring: "" };
          const visible = e => {
            const s = getComputedStyle(e), r = e.getBoundingClientRect();
            return s.visibility !== "hidden" && Number(s.opacity) > 0 && r.width > 0 && r.height > 0;
          };
          const ring = e => {
            const s = getComputedStyle(e);
            const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2
              && !/rgba\([^)]*,\s*0\)|transparent/.test(s.outlineColor);
            return outline ? `outline ${s.outlineWidth} ${s.outlineStyle} ${s.outlineColor}`
              : s.boxShadow && s.boxShadow !== "none" ? `box-shadow ${s.boxShadow}` : "";
          };
          const drawn = [el, el.nextElementSibling, el.closest("label")].filter(Boolean).find(e => visible(e) && ring(e));
          return {
            element: el.outerHTML.slice(0, 140),
            name: el.getAttribute("name") || el.id || el.tagName.toLowerCase(),
            value: el.value ?? "",
            shown: !!drawn,
            ring: drawn ? ring(drawn) : "",
          };
        }
        """;

    private const int MaxTabs = 60;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_check_in_can_be_made_with_the_keyboard_alone_and_focus_is_always_visible()
    {
        var context = await NewContextAsync();
        await SignUpAndSignInAsync(context);
        var page = await context.NewPageAsync();
        await GoAsync(page, "/check-ins/new");
        var keys = page.Keyboard;

        // Threat: Tab into the group, Space takes the focused 0, arrows move the choice to 8.
        await TabToAsync(page, f => f.Name == "Input.Threat");
        await keys.PressAsync("Space");
        await PressTimesAsync(keys, "ArrowRight", 8);

        // Drive: the next Tab goes to the next group, not through eleven circles.
        await TabAsync(page, "Tab", f => f.Name == "Input.Drive");
        await keys.PressAsync("Space");
        await PressTimesAsync(keys, "ArrowRight", 3);

        // Second thoughts about threat: Shift+Tab back, one step down to 7, then on again.
        await TabAsync(page, "Shift+Tab", f => f.Name == "Input.Threat");
        await keys.PressAsync("ArrowLeft");
        await TabAsync(page, "Tab", f => f.Name == "Input.Drive");

        await TabAsync(page, "Tab", f => f.Name == "Input.Soothe");
        await keys.PressAsync("Space");
        await PressTimesAsync(keys, "ArrowRight", 5);

        // The first feeling on the list is Anxious; tick it, then move on to Calm and tick that too.
        await TabAsync(page, "Tab", f => f.Name == "Input.Emotions" && f.Value == "anxious");
        await keys.PressAsync("Space");
        await TabToAsync(page, f => f.Name == "Input.Emotions" && f.Value == "calm");
        await keys.PressAsync("Space");

        await TabToAsync(page, f => f.Name == "Input.Note");
        await keys.TypeAsync("Typed with the keyboard.");

        await TabToAsync(page, f => f.Element.StartsWith("<button", StringComparison.Ordinal) && f.Element.Contains("submit", StringComparison.Ordinal));
        var posted = page.WaitForResponseAsync(r => r.Request.Method == "POST");
        await keys.PressAsync("Enter");

        // The form answers with a redirect to the new check-in; anything else is worth seeing.
        var response = await posted;
        if (response.Status != 302)
        {
            Assert.Fail($"The check-in form answered {response.Status} at {response.Url}: {await response.TextAsync()}");
        }

        await WaitForPageAsync(page, DetailUrl());
        var summary = page.Locator(".circles-summary");
        await Expect(summary).ToContainTextAsync("Threat 7 of 10");
        await Expect(summary).ToContainTextAsync("Drive 3 of 10");
        await Expect(summary).ToContainTextAsync("Soothe 5 of 10");
        await Expect(page.Locator("svg.circles desc")).ToHaveTextAsync("Threat 7 out of 10, drive 3 out of 10, soothe 5 out of 10.");
        await Expect(page.Locator("main .chips")).ToContainTextAsync("Anxious");
        await Expect(page.Locator("main .chips")).ToContainTextAsync("Calm");
        await Expect(page.Locator(".note-text")).ToHaveTextAsync("Typed with the keyboard.");
    }

    private sealed record Focus(string Element, string Name, string Value, bool Shown, string Ring);

    private static async Task<Focus> FocusAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>(FocusProbe);
        return json.Deserialize<Focus>(Json)!;
    }

    /// <summary>Presses <paramref name="key"/> once; the focus must land where expected, visibly.</summary>
    private static async Task TabAsync(IPage page, string key, Func<Focus, bool> expected)
    {
        await page.Keyboard.PressAsync(key);
        var focus = await FocusAsync(page);
        AssertVisible(focus);
        Assert.True(expected(focus), $"After {key} the focus is on {focus.Element}, not where a person would expect.");
    }

    /// <summary>Presses Tab until the focus reaches what is wanted, checking the focus ring at every stop on the way.</summary>
    private static async Task TabToAsync(IPage page, Func<Focus, bool> wanted)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await FocusAsync(page);
            AssertVisible(focus);
            if (wanted(focus))
            {
                return;
            }
        }

        Assert.Fail($"{MaxTabs} presses of Tab did not reach the control wanted.");
    }

    private static void AssertVisible(Focus focus) =>
        Assert.True(focus.Shown, $"The focus is on {focus.Element} but nothing shows where it is (no outline or box-shadow on it or on what draws it).");

    private static async Task PressTimesAsync(IKeyboard keys, string key, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await keys.PressAsync(key);
        }
    }

    [GeneratedRegex("/check-ins/[0-9a-f-]{36}$")]
    private static partial Regex DetailUrl();
}
