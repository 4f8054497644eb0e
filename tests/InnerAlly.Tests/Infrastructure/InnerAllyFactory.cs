using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using InnerAlly.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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
