using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace InnerAlly.Data;

/// <summary>
/// Readies the database as the app starts: applies migrations, then makes sure the Data
/// Protection key ring (stored in the same database) has a key and is loaded. It runs beside
/// the server's own start-up, and every request except the liveness probe waits for
/// <see cref="Ready"/> (<see cref="DatabaseReadiness.UseDatabaseReadiness"/>), so nothing touches the database
/// before it is migrated. If it fails, the app stops.
/// </summary>
public sealed partial class DatabaseStartup(IServiceProvider services, ILogger<DatabaseStartup> logger, TimeProvider clock, IHostApplicationLifetime lifetime)
    : IHostedLifecycleService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    /// <summary>A new key is made this long before the newest one expires.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(14);

    public static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(90);

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await PrepareAsync(services, clock, logger, lifetime.ApplicationStopping);
                _ready.TrySetResult();
            }
            catch (Exception e)
            {
                Log.Failed(logger, e);
                _ready.TrySetException(e);
                lifetime.StopApplication();
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Also used by command-line verbs, which need the database without starting the server.</summary>
    public static async Task PrepareAsync(IServiceProvider services, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                Log.Migrating(logger, pending.Count);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }

        if (services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlEncryptor is null)
        {
            Log.KeysWithoutCertificate(logger);
        }

        EnsureProtectionKey(services.GetRequiredService<IKeyManager>(), clock, logger);

        // Loads the key ring now rather than on the first request that needs it.
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(DatabaseStartup)).Protect([1]);
        services.GetRequiredService<FieldKeyRing>().EnsureCurrent();
    }

    /// <summary>
    /// Automatic key generation is off: it could otherwise start inside a SQLite write transaction
    /// and wait on itself. Keys are made here instead, at start and twice a day.
    /// </summary>
    public static void EnsureProtectionKey(IKeyManager keys, TimeProvider clock, ILogger logger)
    {
        var now = clock.GetUtcNow();
        var usable = keys.GetAllKeys().Where(k => !k.IsRevoked && k.ExpirationDate > now).ToList();
        if (!usable.Any(k => k.ActivationDate <= now))
        {
            keys.CreateNewKey(now, now + KeyLifetime);
            Log.KeyCreated(logger);
            return;
        }

        var newestExpiry = usable.Max(k => k.ExpirationDate);
        if (newestExpiry - now < RenewBefore)
        {
            // Activates a week before the current key ends, so every instance has read it by then.
            var activation = newestExpiry - TimeSpan.FromDays(7) > now ? newestExpiry - TimeSpan.FromDays(7) : now;
            keys.CreateNewKey(activation, activation + KeyLifetime);
            Log.KeyCreated(logger);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Applying {Count} database migrations")]
        public static partial void Migrating(ILogger logger, int count);

        // Said before ASP.NET Core's own "No XML encryptor configured" warning, which alarms without explaining.
        [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Data protection keys are kept in the database and not encrypted to a certificate, so the 'No XML encryptor configured' warning that may follow is expected; in production set DataProtection__KeyCertificatePath to a PFX file kept outside the database and its backups")]
        public static partial void KeysWithoutCertificate(ILogger logger);

        [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Created a new data protection key")]
        public static partial void KeyCreated(ILogger logger);

        [LoggerMessage(EventId = 102, Level = LogLevel.Critical, Message = "The database could not be prepared; InnerAlly is stopping")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}

public static class DatabaseReadiness
{
    /// <summary>
    /// Requests wait until the database is migrated and the key ring loaded; the liveness probe
    /// never waits (it says the process is up, not that it is ready).
    /// </summary>
    public static IApplicationBuilder UseDatabaseReadiness(this IApplicationBuilder app)
    {
        var startup = app.ApplicationServices.GetServices<IHostedService>().OfType<DatabaseStartup>().Single();
        return app.Use(async (context, next) =>
        {
            if (!startup.Ready.IsCompletedSuccessfully && !context.Request.Path.StartsWithSegments("/health/live"))
            {
                try
                {
                    await startup.Ready.WaitAsync(context.RequestAborted);
                }
                catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return;
                }
            }

            await next(context);
        });
    }
}

/// <summary>Checks twice a day that a protection key and a field key will be ready before the current ones expire.</summary>
public sealed class DataProtectionKeyKeeper(IKeyManager keys, FieldKeyRing fieldKeys, TimeProvider clock, ILogger<DataProtectionKeyKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(12), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                DatabaseStartup.EnsureProtectionKey(keys, clock, logger);
                fieldKeys.EnsureCurrent();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
