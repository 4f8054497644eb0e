using InnerAlly.Data;
using InnerAlly.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Data;

/// <summary>
/// On SQLite a commit is durable only with synchronous=FULL, and readers keep going during a
/// write only in WAL mode; both must hold on every connection the app opens, not just the first.
/// </summary>
public sealed class SqlitePragmaTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    [Fact]
    public async Task App_connections_use_WAL_with_synchronous_FULL_and_a_busy_timeout()
    {
        Assert.SkipWhen(factory.Database.Provider != DatabaseProvider.Sqlite, "SQLite only; this run is on PostgreSQL.");
        var cancellationToken = TestContext.Current.CancellationToken;

        // Two contexts open at once hold two different pooled connections.
        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();
        foreach (var scope in new[] { first, second })
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.IsType<SqliteAppDbContext>(db);
            await db.Database.OpenConnectionAsync(cancellationToken);

            Assert.Equal("wal", await PragmaAsync(db, "journal_mode", cancellationToken));
            Assert.Equal("2", await PragmaAsync(db, "synchronous", cancellationToken)); // 2 is FULL
            Assert.Equal("30000", await PragmaAsync(db, "busy_timeout", cancellationToken));
        }
    }

    [Fact]
    public async Task App_connections_carry_none_of_the_functions_EF_Core_would_register_on_every_open()
    {
        Assert.SkipWhen(factory.Database.Provider != DatabaseProvider.Sqlite, "SQLite only; this run is on PostgreSQL.");
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);

        foreach (var call in new[] { "ef_add(1, 2)", "ef_compare(1, 2)", "regexp('a', 'a')" })
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT {call};";
            var error = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => command.ExecuteScalarAsync(cancellationToken));
            Assert.Contains("no such function", error.Message, StringComparison.Ordinal);
        }

        // The connection itself still works, and reads go through the model as before.
        Assert.Equal("wal", await PragmaAsync(db, "journal_mode", cancellationToken));
        _ = await db.Users.CountAsync(cancellationToken);
    }

    private static async Task<string?> PragmaAsync(AppDbContext db, string name, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
