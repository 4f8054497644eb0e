using System.Data.Common;
using InnerAlly.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Infrastructure;

/// <summary>
/// Counts every connection the app opens and every command it runs, and can take the database
/// "down": from then on every connection attempt fails, as when the server or disk is gone.
/// </summary>
public sealed class DatabaseWatch : IDbConnectionInterceptor, IDbCommandInterceptor
{
    private int _connectionsOpened;
    private int _commands;

    public int ConnectionsOpened => Volatile.Read(ref _connectionsOpened);

    public int Commands => Volatile.Read(ref _commands);

    public bool Down { get; set; }

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Opening();
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Opening();
        return ValueTask.FromResult(result);
    }

    public DbCommand CommandCreated(CommandEndEventData eventData, DbCommand result)
    {
        Interlocked.Increment(ref _commands);
        return result;
    }

    private void Opening()
    {
        Interlocked.Increment(ref _connectionsOpened);
        if (Down)
        {
            throw new InvalidOperationException("The test has taken the database down.");
        }
    }
}

/// <summary>The app with a <see cref="DatabaseWatch"/> on every database context it makes.</summary>
public sealed class WatchedDatabaseFactory : InnerAllyFactory
{
    public DatabaseWatch Watch { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqliteAppDbContext>((_, options) => options.AddInterceptors(Watch));
            services.ConfigureDbContext<PostgresAppDbContext>((_, options) => options.AddInterceptors(Watch));
        });
    }
}
