using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using InnerAlly.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace InnerAlly.E2E;

/// <summary>
/// The guided player and the breathing pacer, with the page's clock under the test's control
/// (Playwright's clock: installed, paused, then run forward), so minutes of practice pass in moments.
/// The axe, 320 px and CSP checks of the playing player and of /practices/breathe are in the suites
/// that walk every page (<see cref="AppPage.PracticePlaying"/>, <see cref="AppPage.Breathe"/>).
/// </summary>
public sealed class PlayerTests(BrowserApp app) : BrowserTest(app)
{
    private const string Breathing = "/practices/soothing-rhythm-breathing";

    /// <summary>How far from its ideal time a phase change may be seen: a timer's lateness, never more.</summary>
    private const double DriftAllowedMs = 50;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A fresh signed-in page whose clock stands still until the test runs it.</summary>
    private async Task<IPage> PausedPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await NewContextAsync(options);
        await SignUpAndSignInAsync(context);
        var page = await context.NewPageAsync();
        var now = new DateTime(2026, 11, 20, 21, 0, 0, DateTimeKind.Utc);
        await page.Clock.InstallAsync(new() { TimeDate = now });
        await page.Clock.PauseAtAsync(now.AddSeconds(1));
        return page;
    }

    [Fact]
    public async Task The_3_minute_breathing_practice_plays_through_pauses_skips_and_ends_ready_to_log()
    {
        // Where the time goes, in the test output: this test once stalled after Save on a loaded machine.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Step(string what) => TestContext.Current.TestOutputHelper?.WriteLine($"At {watch.Elapsed.TotalSeconds:0.0} s: {what}");
        var page = await PausedPageAsync();
        Step("paused page");
        await GoAsync(page, $"{Breathing}?minutes=3");
        var player = page.Locator("[data-player]");
        var where = player.Locator("[data-step-number]");
        var step = player.Locator("[data-step-now]");
        var stepLeft = player.Locator("[data-step-left]");
        var totalLeft = player.Locator("[data-total-left]");

        await player.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Expect(where).ToHaveTextAsync("Step 1 of 6");
        await Expect(step).ToContainTextAsync("Find a way of sitting");
        await Expect(player.Locator("[aria-live=polite]")).ToContainTextAsync("Step 1 of 6. Find a way of sitting");
        await Expect(totalLeft).ToHaveTextAsync("3:00");
        await Expect(player.Locator("[data-pacer]")).ToHaveAttributeAsync("data-phase", "in");

        Step("before runFor 10");
        await page.Clock.RunForAsync(10_000);
        await Expect(stepLeft).ToHaveTextAsync("0:10");
        await Expect(totalLeft).ToHaveTextAsync("2:50");

        // Paused, the time left stands still however long the pause lasts.
        await player.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Expect(player.GetByRole(AriaRole.Button, new() { Name = "Resume" })).ToBeVisibleAsync();
        await page.Clock.RunForAsync(45_000);
        await Expect(totalLeft).ToHaveTextAsync("2:50");
        await Expect(stepLeft).ToHaveTextAsync("0:10");
        await Expect(where).ToHaveTextAsync("Step 1 of 6");

        await player.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await page.Clock.RunForAsync(5_000);
        await Expect(totalLeft).ToHaveTextAsync("2:45");

        // Skipping the last 5 seconds of step 1 goes straight to step 2.
        await player.GetByRole(AriaRole.Button, new() { Name = "Next step" }).ClickAsync();
        await Expect(where).ToHaveTextAsync("Step 2 of 6");
        await Expect(step).ToContainTextAsync("Notice your breath as it is right now");
        await Expect(totalLeft).ToHaveTextAsync("2:40");
        await Expect(stepLeft).ToHaveTextAsync("0:20");

        Step("before runFor 160");
        await page.Clock.RunForAsync(160_000);
        var end = player.Locator("[data-end]");
        await Expect(end.GetByRole(AriaRole.Heading)).ToHaveTextAsync("That is the end of the practice");
        await Expect(end).ToBeFocusedAsync();
        // 10 + 5 + 160 seconds were practised (the pause and the skipped 5 seconds are not counted): 3 minutes, rounded.
        await Expect(end).ToContainTextAsync("You practised for about 3 minutes.");
        var log = end.GetByRole(AriaRole.Link, new() { Name = "Log this practice" });
        await Expect(log).ToHaveAttributeAsync("href", $"{Breathing}/log?minutes=3");
        await Expect(end.GetByRole(AriaRole.Link, new() { Name = "Back to practices" })).ToBeVisibleAsync();
        await Expect(player.Locator("[data-stage]")).ToBeHiddenAsync();

        Step("before log click");
        await log.ClickAsync();
        await WaitForPageAsync(page, new Regex($"{Regex.Escape(Breathing)}/log\\?minutes=3$"));
        await Expect(page.GetByLabel("Minutes")).ToHaveValueAsync("3");
        Step("before save click");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Step("before wait history");
        await WaitForPageAsync(page, new Regex("/practices/history$"));
        Step("history");
        await Expect(page.Locator(".practice-sessions li").First).ToContainTextAsync("Soothing rhythm breathing, 3 minutes");
        Step("done");
    }

    [Fact]
    public async Task Stopping_part_way_shows_a_calm_message_and_logs_the_minutes_practised()
    {
        var page = await PausedPageAsync();
        await GoAsync(page, $"{Breathing}?minutes=10");
        var player = page.Locator("[data-player]");
        await player.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await page.Clock.RunForAsync(130_000);
        await player.GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();

        var end = player.Locator("[data-end]");
        await Expect(end.GetByRole(AriaRole.Heading)).ToHaveTextAsync("You stopped, and that is fine");
        await Expect(end).ToContainTextAsync("You practised for about 2 minutes.");
        await Expect(end.GetByRole(AriaRole.Link, new() { Name = "Log this practice" })).ToHaveAttributeAsync("href", $"{Breathing}/log?minutes=2");

        // Starting again begins from the first step.
        await end.GetByRole(AriaRole.Button, new() { Name = "Start again" }).ClickAsync();
        await Expect(player.Locator("[data-step-number]")).ToHaveTextAsync("Step 1 of 10");
        await Expect(player.Locator("[data-total-left]")).ToHaveTextAsync("10:00");

        // Stopped after a few seconds, it does not round up to a minute practised.
        await page.Clock.RunForAsync(4_000);
        await player.GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();
        await Expect(end).ToContainTextAsync("You practised for less than a minute.");
    }

    [Fact]
    public async Task Space_pauses_N_skips_and_Escape_stops_from_the_page_but_not_from_a_field()
    {
        var page = await PausedPageAsync();
        await GoAsync(page, Breathing);
        var player = page.Locator("[data-player]");
        var where = player.Locator("[data-step-number]");
        await Expect(player.Locator(".player-keys")).ToContainTextAsync("Space or K pauses and resumes");
        await player.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Expect(where).ToHaveTextAsync("Step 1 of 8");

        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await page.Keyboard.PressAsync("Space");
        await Expect(player.GetByRole(AriaRole.Button, new() { Name = "Resume" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("n");
        await Expect(where).ToHaveTextAsync("Step 2 of 8");
        await page.Keyboard.PressAsync("k");
        await Expect(player.GetByRole(AriaRole.Button, new() { Name = "Pause" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(where).ToHaveTextAsync("Step 3 of 8");

        // In a form field the keys are the field's own.
        await player.Locator("summary").ClickAsync();
        await page.GetByLabel("Voice", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("n");
        await page.Keyboard.PressAsync("Escape");
        await Expect(where).ToHaveTextAsync("Step 3 of 8");

        await page.EvaluateAsync("() => document.activeElement?.blur()");
        await page.Keyboard.PressAsync("Escape");
        await Expect(player.Locator("[data-end]").GetByRole(AriaRole.Heading)).ToHaveTextAsync("You stopped, and that is fine");
    }

    [Fact]
    public async Task Read_aloud_and_chime_choices_are_remembered_on_this_device()
    {
        var page = await PausedPageAsync();
        await GoAsync(page, Breathing);
        var player = page.Locator("[data-player]");
        await player.Locator("summary").ClickAsync();
        await page.GetByLabel("Read each step aloud").CheckAsync();
        await page.GetByLabel("A soft chime between steps").CheckAsync();
        await page.Locator("#player-rate").FillAsync("1.1");

        await page.ReloadAsync();
        await player.Locator("summary").ClickAsync();
        await Expect(page.GetByLabel("Read each step aloud")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("A soft chime between steps")).ToBeCheckedAsync();
        await Expect(page.Locator("#player-rate")).ToHaveValueAsync("1.1");

        // Playing with both on throws nothing, even where no voice or sound is available.
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await player.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await page.Clock.RunForAsync(60_000);
        await Expect(player.Locator("[data-step-number]")).ToHaveTextAsync("Step 3 of 8");
        Assert.Empty(errors);
    }

    private sealed record PhaseChange(int Index, string Phase, double Reported, double Seen);

    [Fact]
    public async Task The_pacer_keeps_time_for_5_minutes_without_drift_even_when_its_timers_fire_late()
    {
        const int rate = 6;
        const double ratio = 1.5;
        const double period = 60_000.0 / rate;
        const double inhale = period / (1 + ratio);
        var page = await PausedPageAsync();
        await GoAsync(page, $"/practices/breathe?rate={rate}&ratio={ratio.ToString(CultureInfo.InvariantCulture)}&minutes=5");
        var pacer = page.Locator("[data-pacer]");

        // Every timer the page sets fires 3 to 30 ms late, as on a busy phone. Chained timers would
        // add that lateness up; a pacer that works from the time since it started does not.
        // Each phase change is recorded as it happens, with the page's own clock.
        await page.EvaluateAsync("""
            () => {
              const setTimer = window.setTimeout;
              let n = 0;
              window.setTimeout = (fn, ms, ...rest) => setTimer(fn, (ms || 0) + 3 + ((n++ * 7919) % 28), ...rest);
              window.__phases = [];
              const el = document.querySelector("[data-pacer]");
              new MutationObserver(() => {
                if (el.dataset.phase !== "in" && el.dataset.phase !== "out") return;
                window.__phases.push({ index: Number(el.dataset.phaseIndex), phase: el.dataset.phase,
                  reported: Number(el.dataset.phaseStartedAt), seen: performance.now() });
              }).observe(el, { attributes: true, attributeFilter: ["data-phase-index"] });
            }
            """);

        await page.Locator("[data-player]").GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Expect(pacer).ToHaveAttributeAsync("data-phase", "in");
        await Expect(pacer.Locator("[data-pacer-label]")).ToHaveTextAsync("Breathe in");
        Assert.Equal("scale(1)", await pacer.Locator("[data-pacer-circle]").EvaluateAsync<string>("e => e.style.transform"));
        for (var second = 0; second < 5 * 60; second += 30)
        {
            await page.Clock.RunForAsync(30_000);
        }

        // The end, too, may be shown a timer's lateness after the 5 minutes.
        await page.Clock.RunForAsync(1_000);

        await Expect(page.Locator("[data-end]").GetByRole(AriaRole.Heading)).ToHaveTextAsync("That is the end of the practice");
        var json = await page.EvaluateAsync<JsonElement>("() => window.__phases");
        var changes = json.Deserialize<List<PhaseChange>>(Json)!;

        // 30 breaths in 5 minutes: 60 in-breaths and out-breaths, one after another, none missed.
        Assert.InRange(changes.Count, 60, 61);
        Assert.Equal(Enumerable.Range(0, changes.Count), changes.Select(c => c.Index));
        var seenAtStart = changes[0].Seen;
        var errors = new List<double>();
        foreach (var change in changes)
        {
            var ideal = (change.Index / 2 * period) + (change.Index % 2 * inhale);
            Assert.Equal(change.Index % 2 == 0 ? "in" : "out", change.Phase);
            foreach (var at in new[] { change.Reported, change.Seen - seenAtStart })
            {
                var error = at - ideal;
                errors.Add(Math.Abs(error));
                Assert.True(Math.Abs(error) <= DriftAllowedMs,
                    $"Phase {change.Index} ({change.Phase}) was shown at {at:0} ms; its ideal time is {ideal:0} ms ({error:+0;-0} ms).");
            }
        }

        var late = changes.TakeLast(10).Select(c => c.Reported - ((c.Index / 2 * period) + (c.Index % 2 * inhale))).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{changes.Count} phase changes; off their ideal times by at most {errors.Max():0} ms, on average {errors.Average():0.0} ms; " +
            $"the last ten by {string.Join(", ", late.Select(l => l.ToString("0", CultureInfo.InvariantCulture)))} ms.");
    }

    [Fact]
    public async Task With_reduced_motion_the_pacer_counts_in_words_and_does_not_move()
    {
        var page = await PausedPageAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await GoAsync(page, "/practices/breathe?rate=6&ratio=1.5&minutes=1");
        var pacer = page.Locator("[data-pacer]");
        var circle = pacer.Locator("[data-pacer-circle]");

        await page.Locator("[data-player]").GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await page.Clock.RunForAsync(2_500);
        await Expect(pacer.Locator(".pacer-words")).ToHaveTextAsync("Breathe in 1, 2, 3");
        Assert.Equal("none", await circle.EvaluateAsync<string>("e => getComputedStyle(e).transform"));

        await page.Clock.RunForAsync(2_000);
        await Expect(pacer.Locator(".pacer-words")).ToHaveTextAsync("Breathe out 1");
        Assert.Equal("none", await circle.EvaluateAsync<string>("e => getComputedStyle(e).transform"));
        await page.Clock.RunForAsync(3_000);
        await Expect(pacer.Locator(".pacer-words")).ToHaveTextAsync("Breathe out 1, 2, 3, 4");
        Assert.Equal("", await circle.EvaluateAsync<string>("e => e.style.transform"));
    }

    [Fact]
    public async Task The_breathing_pacer_ends_with_a_link_to_log_the_breathing_practice()
    {
        var page = await PausedPageAsync();
        await GoAsync(page, "/practices/breathe?rate=5&ratio=1.25&minutes=1");
        await Expect(page.Locator(".breathe-words")).ToContainTextAsync("Breathe in for 5.3 seconds, then out for 6.7 seconds.");
        var player = page.Locator("[data-player]");
        await player.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await page.Clock.RunForAsync(61_000);
        var end = player.Locator("[data-end]");
        await Expect(end.GetByRole(AriaRole.Heading)).ToHaveTextAsync("That is the end of the practice");
        await Expect(end.GetByRole(AriaRole.Link, new() { Name = "Log this practice" })).ToHaveAttributeAsync("href", $"{Breathing}/log?minutes=1");
        await Expect(player.Locator("[data-pacer]")).ToHaveAttributeAsync("data-phase", "ready");
    }

    [Fact]
    public async Task First_load_of_the_breathing_practice_page_is_at_most_100_KB_with_at_most_30_KB_of_javascript()
    {
        var context = await NewContextAsync();
        await SignUpAndSignInAsync(context);
        var page = await context.NewPageAsync();

        var weight = await PageWeight.MeasureFirstLoadAsync(page, () => GoAsync(page, Breathing, new() { WaitUntil = WaitUntilState.NetworkIdle }));

        Assert.Contains(weight.Rows, r => r.Url.Contains("/js/player.", StringComparison.Ordinal));
        Assert.Contains(weight.Rows, r => r.Url.Contains("/js/pacer.js", StringComparison.Ordinal));
        Assert.Contains(weight.Rows, r => r.Url.Contains("/css/practice.", StringComparison.Ordinal));
        weight.AssertWithinBudgets();
    }
}
