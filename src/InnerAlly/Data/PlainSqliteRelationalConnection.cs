#pragma warning disable EF1001 // SqliteRelationalConnection is EF Core's own connection; only its CreateDbConnection changes.
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace InnerAlly.Data;

/// <summary>
/// EF Core's SQLite connection without the seven SQL functions it gives every connection
/// (<c>regexp</c> and the <c>ef_</c> decimal arithmetic). Microsoft.Data.Sqlite registers those
/// again each time a pooled connection is opened and removes them each time it is closed: fourteen
/// native calls and fourteen finalizable handles a request, the largest thing the finalizer thread
/// had to do in a profile of the check-in list under load. The model has no decimal column and no
/// query uses <c>Regex</c>; a query that needed one would fail with "no such function", which
/// <c>SqlitePragmaTests</c> and every other test would show at once.
/// </summary>
internal sealed class PlainSqliteRelationalConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    private readonly int? _commandTimeout = RelationalOptionsExtension.Extract(dependencies.ContextOptions).CommandTimeout;

    protected override DbConnection CreateDbConnection()
    {
        var connection = new SqliteConnection(GetValidatedConnectionString());
        if (_commandTimeout is { } seconds)
        {
            connection.DefaultTimeout = seconds;
        }

        return connection;
    }
}
