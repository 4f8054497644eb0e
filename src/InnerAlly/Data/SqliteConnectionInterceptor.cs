using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace InnerAlly.Data;

/// <summary>
/// WAL lets readers and the one writer work at once; synchronous=FULL makes every acknowledged
/// commit durable. journal_mode persists in the file, the other two belong to each connection,
/// so they are set once per native connection (pooled connections keep theirs).
/// </summary>
internal sealed class SqliteConnectionInterceptor(int busyTimeoutSeconds) : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<object, object> Prepared = [];

    private readonly string _pragmas =
        $"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout={busyTimeoutSeconds * 1000};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        var handle = ((SqliteConnection)connection).Handle;
        if (handle is null || Prepared.TryGetValue(handle, out _))
        {
            return;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
        }

        Prepared.AddOrUpdate(handle, handle);
    }
}
