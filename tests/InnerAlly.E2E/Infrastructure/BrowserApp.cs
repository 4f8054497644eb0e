using System.Net.Http.Json;
using InnerAlly.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(InnerAlly.E2E.Infrastructure.BrowserApp))]

namespace InnerAlly.E2E.Infrastructure;

/// <summary>
/// One served app and one Chromium for the whole run (each test still gets its own browser
/// context, so no cookies, cache or storage cross between tests). Before any test runs, one person
/// is given a check-in on each of the last 30 days through the bearer API, for the history page.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright's own browser download is never used.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public const int HistoryDays = 30;

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public ServedApp App { get; } = new();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    private readonly List<DateTimeOffset> _historyTimes = [];

    /// <summary>Signed up before the tests, with one check-in on each of the last <see cref="HistoryDays"/> days.</summary>
    public Person HistoryPerson { get; private set; } = null!;

    /// <summary>
    /// How many of <see cref="HistoryPerson"/>'s check-ins fall in the 30 days shown now (their time
    /// zone is UTC): all of them, unless the run has crossed midnight UTC since they were recorded.
    /// </summary>
    public int HistoryCheckInsShownNow()
    {
        var firstDayShown = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(-(HistoryDays - 1));
        return _historyTimes.Count(t => DateOnly.FromDateTime(t.UtcDateTime) >= firstDayShown);
    }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            // Fail, never skip: a browser suite that quietly does nothing protects no one.
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {ChromiumPath}, and it is not there. " +
                "Install it with `apt-get install -y chromium` (CI's .ci/run does this). Do not run `playwright install`.");
        }

        // The app's clock starts HistoryDays - 1 days ago and is wound to the present while the
        // history is recorded; see WoundClock.
        App.Clock.StartAt(-TimeSpan.FromDays(HistoryDays - 1));
        await App.StartAsync();
        HistoryPerson = await RecordHistoryAsync();

        // Web-first assertions wait for the page; on a busy machine 5 seconds (the default) is too tight.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh, empty browser context pointed at the app.</summary>
    public Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = App.Address.ToString();
        options.Locale ??= "en-GB";
        return Browser.NewContextAsync(options);
    }

    private async Task<Person> RecordHistoryAsync()
    {
        var person = new Person(InnerAllyFactory.NewEmail(), InnerAllyFactory.GoodPassword);
        using var client = new HttpClient { BaseAddress = App.Address };
        (await client.PostAsJsonAsync("/api/v1/account/register", new { person.Email, person.Password })).EnsureSuccessStatusCode();
        var tokens = await ReadTokensAsync(await client.PostAsJsonAsync("/api/v1/account/login", new { person.Email, person.Password }));
        for (var day = 0; day < HistoryDays; day++)
        {
            if (day > 0)
            {
                // An access token lasts an hour of the app's time and a refresh token 14 days, so each
                // new day trades the last refresh token for fresh ones (cheaper than signing in again).
                App.Clock.WindForward(TimeSpan.FromDays(1));
                tokens = await ReadTokensAsync(await client.PostAsJsonAsync("/api/v1/account/refresh", new { tokens.RefreshToken }));
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/check-ins")
            {
                // Slow waves, so the three lines are told apart and cross now and then.
                Content = JsonContent.Create(new
                {
                    threat = (int)Math.Round(5 + (4 * Math.Sin(day / 4.0))),
                    drive = (int)Math.Round(5 + (3 * Math.Cos(day / 5.0))),
                    soothe = (int)Math.Round(5 - (4 * Math.Sin(day / 4.0))),
                    emotions = day % 3 == 0 ? new[] { "anxious", "calm" } : [],
                    note = day % 4 == 0 ? $"Day {day + 1}: a walk by the river, then a long phone call with my sister that went on and on." : null,
                }),
            };
            request.Headers.Authorization = new("Bearer", tokens.AccessToken);
            (await client.SendAsync(request)).EnsureSuccessStatusCode();
            _historyTimes.Add(App.Clock.GetUtcNow());
        }

        if (App.Clock.Offset != TimeSpan.Zero)
        {
            throw new InvalidOperationException($"The app's clock should be back at the present, not {App.Clock.Offset} away.");
        }

        return person;
    }

    private static async Task<InnerAllyFactory.TokenResponse> ReadTokensAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<InnerAllyFactory.TokenResponse>())!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

public sealed record Person(string Email, string Password);
