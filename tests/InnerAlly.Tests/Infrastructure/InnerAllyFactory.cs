using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using InnerAlly.Data;
using InnerAlly.Features.Account;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InnerAlly.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP with its own database. Settings can be changed per factory, the
/// same way an operator would (configuration keys), and every log line can be captured.
/// </summary>
public class InnerAllyFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase)
    {
        // Tests register many people from one address; the rate-limit tests lower this again.
        ["RateLimits:SignInPermitLimit"] = "100000",
        ["RateLimits:WritesPerMinute"] = "1000000",
    };

    private TestDatabase? _database;
    private bool _ownsDatabase;

    /// <summary>Extra configuration, as an operator would set it (for example "RateLimits:SignInPermitLimit").</summary>
    public IDictionary<string, string?> Settings
    {
        init
        {
            foreach (var (key, setting) in value)
            {
                _settings[key] = setting;
            }
        }
    }

    /// <summary>Every log message the app wrote, at every level, when <see cref="CaptureLogs"/> is on.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    public bool CaptureLogs { get; init; }

    /// <summary>
    /// Passwords hashed as in production (Identity's PBKDF2 with 100,000 iterations, about 80 ms of CPU
    /// each here). Off by default: the suite signs up and in about two thousand times per database, and
    /// at full cost that was about three of CI's minutes on two cores, spent on nothing a test looks at;
    /// the test hosts then hash with <see cref="TestPasswordIterations"/> instead, in the same format.
    /// PasswordStorageTests holds production's cost to what it must be.
    /// </summary>
    public bool ProductionPasswordHashing { get; init; }

    public const int TestPasswordIterations = 1_000;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>
    /// Another host's database, for tests of two app instances on one database; it stays
    /// for its owner to delete. Without it, each factory makes its own, already migrated
    /// (<see cref="TestDatabase.CreateMigratedAsync"/>); the app migrating an empty database is
    /// tested where it starts as its own process (AppProcess).
    /// </summary>
    public TestDatabase? SharedDatabase { get; init; }

    public async ValueTask InitializeAsync()
    {
        _ownsDatabase = SharedDatabase is null;
        _database = SharedDatabase ?? await TestDatabase.CreateMigratedAsync();
        _settings["Database:Provider"] = _database.Provider.ToString();
        _settings["ConnectionStrings:InnerAlly"] = _database.ConnectionString;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (!ProductionPasswordHashing)
        {
            builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordIterations));
        }

        if (!CaptureLogs)
        {
            // Keep test output readable: warnings and errors only.
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }
        else
        {
            builder.ConfigureLogging(logging =>
            {
                logging.SetMinimumLevel(LogLevel.Trace);
                // A rule for this provider alone outranks the category rules in appsettings.json
                // (EF Core and ASP.NET Core at Warning), so every level of every category is captured.
                logging.AddFilter<CapturingLoggerProvider>(static (_, _) => true);
                logging.AddProvider(new CapturingLoggerProvider(Logs));
            });
        }
    }

    /// <summary>
    /// The app migrates its database beside its own start-up and holds requests until that is
    /// done; tests that reach into the app's services directly wait for it here as well.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        host.Services.GetServices<IHostedService>().OfType<InnerAlly.Data.DatabaseStartup>().Single().Ready.GetAwaiter().GetResult();
        return host;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null && _ownsDatabase)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, like a careful browser.</summary>
    public HttpClient CreatePageClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static string NewEmail() => $"person-{Guid.NewGuid():N}@example.com";

    public const string GoodPassword = "quiet river under morning light";

    /// <summary>Registers a new person through the API and returns a client carrying their bearer token.</summary>
    public async Task<HttpClient> CreateSignedInApiClientAsync(string? email = null, string password = GoodPassword)
    {
        email ??= NewEmail();
        var client = CreateClient();
        var register = await client.PostAsJsonAsync("/api/v1/account/register", new { email, password });
        register.EnsureSuccessStatusCode();
        var login = await client.PostAsJsonAsync("/api/v1/account/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var token = await login.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>
    /// A new person and a client carrying their bearer token, made inside the app rather than over
    /// HTTP, for tests that are not about signing up or in (as TodoApi's tests mint their tokens): the
    /// account API's own steps (UserManager creates the account with its password checks, then the
    /// token family and Identity's bearer handler sign them in), without two requests, the sign-in
    /// throttle and the password check. The token is the real one, so the app checks it as it checks
    /// any. Tests of registering and signing in use <see cref="CreateSignedInApiClientAsync"/>.
    /// </summary>
    public async Task<HttpClient> CreateClientForNewPersonAsync(string? email = null, string password = GoodPassword)
    {
        email ??= NewEmail();
        using var scope = Services.CreateScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = email, Email = email };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        var principal = await services.GetRequiredService<SignInManager<User>>().CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim("amr", "pwd"));
        principal = await services.GetRequiredService<TokenFamilies>().StartAsync(principal, user.Id, device: null, services.GetRequiredService<AppDbContext>(), CancellationToken.None);

        // Identity's bearer handler writes its token response to the response body, as the login endpoint's does.
        var http = new DefaultHttpContext { RequestServices = services };
        using var body = new MemoryStream();
        http.Response.Body = body;
        await http.SignInAsync(IdentityConstants.BearerScheme, principal);
        body.Position = 0;
        var token = await JsonSerializer.DeserializeAsync<TokenResponse>(body, JsonSerializerOptions.Web);

        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public T WithDb<T>(Func<AppDbContext, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, sink);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            sink.Enqueue($"{category} scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            sink.Enqueue($"{logLevel} {category} [{eventId}] {formatter(state, exception)} {state} {exception}");
        }
    }
}
