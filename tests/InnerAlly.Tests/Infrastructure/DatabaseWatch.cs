using System.Data.Common;
using System.Runtime.CompilerServices;
using InnerAlly.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InnerAlly.Tests.Infrastructure;

/// <summary>
/// Counts every connection the app opens and every command it runs, and can take the database
/// "down": from then on every connection is pointed at a file that cannot be opened (SQLite) or a
/// port where no server listens (PostgreSQL), so it fails in the driver just as when the disk or
/// the server is gone. Bringing it back up points connections home again.
/// </summary>
public sealed class DatabaseWatch : IDbConnectionInterceptor, IDbCommandInterceptor
{
    private int _connectionsOpened;
    private int _commands;
    private readonly ConditionalWeakTable<DbConnection, string> _home = [];

    public int ConnectionsOpened => Volatile.Read(ref _connectionsOpened);

    public int Commands => Volatile.Read(ref _commands);

    public bool Down { get; set; }

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Opening(connection, eventData);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Opening(connection, eventData);
        return ValueTask.FromResult(result);
    }

    public DbCommand CommandCreated(CommandEndEventData eventData, DbCommand result)
    {
        Interlocked.Increment(ref _commands);
        return result;
    }

    private void Opening(DbConnection connection, ConnectionEventData eventData)
    {
        Interlocked.Increment(ref _connectionsOpened);
        if (Down)
        {
            // A closed connection may be re-pointed. The real address is kept for when the database is
            // back, as the app configured it: Npgsql's own copy leaves out the password once used.
            _home.TryAdd(connection, eventData.Context?.Database.GetConnectionString() ?? connection.ConnectionString);
            connection.ConnectionString = connection switch
            {
                SqliteConnection => $"Data Source={Path.Combine(Path.GetTempPath(), "innerally-tests", "gone", Guid.NewGuid().ToString("N"), "innerally.db")};Mode=ReadWrite",
                _ => new NpgsqlConnectionStringBuilder(connection.ConnectionString) { Host = "127.0.0.1", Port = 1, Timeout = 2, Pooling = false }.ToString(),
            };
        }
        else if (_home.TryGetValue(connection, out var home))
        {
            connection.ConnectionString = home;
            _home.Remove(connection);
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
