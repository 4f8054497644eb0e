using System.Data.Common;
using InnerAlly.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InnerAlly.Tests.Infrastructure;

/// <summary>
/// A private database for one test host. The suite runs on SQLite by default and again on
/// PostgreSQL when INNERALLY_TEST_DATABASE=postgres, with INNERALLY_TEST_POSTGRES naming a
/// server login that may create databases (`.ci/run` sets both).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly string? _adminConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? directory, string? adminConnectionString, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _directory = directory;
        _adminConnectionString = adminConnectionString;
        _databaseName = databaseName;
    }

    public static DatabaseProvider ProviderUnderTest =>
        string.Equals(Environment.GetEnvironmentVariable("INNERALLY_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The SQLite file, when the provider is SQLite.</summary>
    public string? SqliteFile => _directory is null ? null : Path.Combine(_directory, "innerally.db");

    /// <summary>
    /// The bytes of the SQLite file and its -wal as they are on disk now, read while the app may
    /// still hold them open (recent writes sit in the WAL until a checkpoint), for scans of what a
    /// copy of the database would show.
    /// </summary>
    public byte[] ReadSqliteFiles()
    {
        var file = SqliteFile ?? throw new InvalidOperationException("The database is not SQLite.");
        return [.. ReadShared(file), .. ReadShared(file + "-wal")];

        static byte[] ReadShared(string path)
        {
            if (!File.Exists(path))
            {
                return [];
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        if (ProviderUnderTest == DatabaseProvider.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "innerally-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "innerally.db")}", directory, null, null);
        }

        var admin = Environment.GetEnvironmentVariable("INNERALLY_TEST_POSTGRES")
            ?? throw new InvalidOperationException("INNERALLY_TEST_DATABASE=postgres needs INNERALLY_TEST_POSTGRES, a connection string for a login that may create databases.");
        var name = $"innerally_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ToString(), null, admin, name);
    }

    /// <summary>
    /// Reads the database directly, outside the app, as an operator with the file or a psql
    /// prompt would. Names in double quotes and @parameters work on both providers.
    /// </summary>
    public async Task<List<T>> QueryAsync<T>(
        string sql, Func<DbDataReader, T> read, IReadOnlyDictionary<string, object>? parameters = null, CancellationToken cancellationToken = default)
    {
        await using DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString())
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters ?? new Dictionary<string, object>())
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        if (_directory is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A server process killed by a test may still be letting go of the file.
            }
        }

        if (_adminConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
