using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.E2E.Infrastructure;

/// <summary>
/// Base for browser tests: each test opens its own contexts (fresh cookies, cache and storage)
/// and they are closed when the test ends. Signing in goes through the account API, from the
/// context's own request context so the session cookie lands in the browser.
/// </summary>
public abstract partial class BrowserTest(BrowserApp browserApp) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly ConcurrentDictionary<IRequest, DateTime> _pending = new();
    private readonly ConcurrentQueue<string> _slow = new();

    /// <summary>How long any wait lasts before the test fails (ms); it only runs out when something is really wrong.</summary>
    protected const int WaitTimeout = 30_000;

    protected BrowserApp BrowserApp { get; } = browserApp;

    protected async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var context = await BrowserApp.NewContextAsync(options);
        // Generous, because CI's two cores are shared with the HTTP tests running beside this suite;
        // a wait only lasts this long when something is really wrong.
        context.SetDefaultTimeout(WaitTimeout);
        // Requests the page started but never finished are listed when the test ends: the first
        // thing to know when a wait for "load" or "networkidle" times out.
        context.Request += (_, request) => _pending[request] = DateTime.UtcNow;
        context.RequestFinished += (_, request) =>
        {
            // Slow answers are listed too: under load, which request took the time.
            if (_pending.TryRemove(request, out var started) && DateTime.UtcNow - started > TimeSpan.FromSeconds(2))
            {
                _slow.Enqueue($"{request.Method} {request.Url} ({request.ResourceType}) took {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
            }
        };
        context.RequestFailed += (_, request) => _pending.TryRemove(request, out DateTime _);
        _contexts.Add(context);
        return context;
    }

    /// <summary>
    /// Registers a new person and signs them in with a cookie in this context. One person per context:
    /// asked again for the same context, it answers with the person already signed in there, so a page
    /// opened twice (as the page walk does, wide and then narrow) costs one sign-up.
    /// </summary>
    protected static async Task<Person> SignUpAndSignInAsync(IBrowserContext context)
    {
        if (SignedUp.TryGetValue(context, out var signedIn))
        {
            return signedIn;
        }

        var person = new Person(InnerAllyFactory.NewEmail(), InnerAllyFactory.GoodPassword);
        await ExpectOkAsync(await context.APIRequest.PostAsync("/api/v1/account/register", new() { DataObject = new { email = person.Email, password = person.Password } }));
        await SignInAsync(context, person);
        SignedUp.AddOrUpdate(context, person);
        return person;
    }

    private static readonly ConditionalWeakTable<IBrowserContext, Person> SignedUp = [];

    /// <summary>Signs an existing person in with a cookie in this context.</summary>
    protected static async Task SignInAsync(IBrowserContext context, Person person) =>
        await ExpectOkAsync(await context.APIRequest.PostAsync("/api/v1/account/login?useCookies=true", new() { DataObject = new { email = person.Email, password = person.Password } }));

    /// <summary>Records a check-in through the bearer API (the cookie in the context plays no part) and returns its id.</summary>
    /// <summary>Signs <paramref name="person"/> in through the API and returns the bearer token.</summary>
    protected static async Task<string> ApiTokenAsync(IBrowserContext context, Person person)
    {
        var login = await context.APIRequest.PostAsync("/api/v1/account/login", new() { DataObject = new { email = person.Email, password = person.Password } });
        await ExpectOkAsync(login);
        return (await login.JsonAsync())!.Value.GetProperty("accessToken").GetString()!;
    }

    protected static async Task<Guid> RecordCheckInAsync(IBrowserContext context, Person person, object checkIn)
    {
        var token = await ApiTokenAsync(context, person);
        var created = await context.APIRequest.PostAsync("/api/v1/check-ins", new()
        {
            DataObject = checkIn,
            Headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
        });
        await ExpectOkAsync(created);
        return (await created.JsonAsync())!.Value.GetProperty("id").GetGuid();
    }

    /// <summary>Opens a path and fails plainly when the app does not answer 200 (a 404 page is not the page under test).</summary>
    /// <summary>A full-page screenshot to look at after changing a page, saved beside the 320 px ones.</summary>
    protected static async Task SaveScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(NarrowScreenCheck.ScreenshotFolder);
        var path = Path.Combine(NarrowScreenCheck.ScreenshotFolder, $"{name}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {path}");
    }

    protected static async Task<IResponse> GoAsync(IPage page, string path, PageGotoOptions? options = null)
    {
        var response = await page.GotoAsync(path, options) ?? throw new InvalidOperationException($"No response for {path}.");
        var origin = path.StartsWith("/account/", StringComparison.Ordinal) ? " (the account pages are built on the accounts branch)" : "";
        Assert.True(response.Status == 200, $"GET {path} answered {response.Status} at {page.Url}; this page must exist and load for the test to mean anything{origin}.");
        return response;
    }

    /// <summary>
    /// Waits until the page shows an address that matches <paramref name="url"/> and its document has
    /// loaded. Use this instead of Playwright's <c>IPage.WaitForURLAsync</c>,
    /// which Playwright for .NET lets lose the very event it waits for (see <see cref="WaitUntilLoadedAsync"/>):
    /// the address is checked by the browser side, in one call that polls there.
    /// </summary>
    protected static async Task WaitForPageAsync(IPage page, Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = WaitTimeout });
        await WaitUntilLoadedAsync(page);
    }

    /// <summary>
    /// Waits until the page's document has reached <paramref name="state"/>. Playwright for .NET's own
    /// <c>IPage.WaitForLoadStateAsync</c> looks at the states reached so far and only then starts
    /// listening for the next one, while another thread delivers them: a state that arrives between the
    /// two is recorded but never heard, and the wait runs to its time-out on a page that has long loaded
    /// (microsoft/playwright-dotnet#3364). Under CI's full load that failed a browser test in most runs,
    /// with "networkidle event fired" as the only line logged. So it waits in short turns: a state missed
    /// in one turn is already recorded, and the next turn finds it at once.
    /// </summary>
    protected static async Task WaitUntilLoadedAsync(IPage page, LoadState state = LoadState.Load)
    {
        async Task<bool> ReachedAsync(int timeout)
        {
            try
            {
#pragma warning disable RS0030 // the one place that may call it, in short turns
                await page.WaitForLoadStateAsync(state, new() { Timeout = timeout });
#pragma warning restore RS0030
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }

        var waited = Stopwatch.StartNew();
        for (var turn = 1; ; turn++)
        {
            if (await ReachedAsync(1_000))
            {
                return;
            }

            // Found at once after a whole turn that heard nothing: the state came and its event was lost.
            if (await ReachedAsync(1))
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"\"{state}\" at {page.Url} was reached unheard during turn {turn} of this wait; found {waited.Elapsed.TotalSeconds:0.0} s in.");
                return;
            }

            if (waited.ElapsedMilliseconds >= WaitTimeout)
            {
                throw new TimeoutException($"{page.Url} did not reach \"{state}\" within {WaitTimeout / 1000} s.");
            }
        }
    }

    private static async Task ExpectOkAsync(IAPIResponse response)
    {
        if (!response.Ok)
        {
            throw new InvalidOperationException($"{response.Url} answered {response.Status}: {await response.TextAsync()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var slow in _slow)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"Slow: {slow}.");
        }

        foreach (var (request, started) in _pending.Where(p => DateTime.UtcNow - p.Value > TimeSpan.FromSeconds(2)))
        {
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"Still waiting for {request.Method} {request.Url} ({request.ResourceType}), started {(DateTime.UtcNow - started).TotalSeconds:0.0} s before the test ended.");
        }

        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        GC.SuppressFinalize(this);
    }
}
