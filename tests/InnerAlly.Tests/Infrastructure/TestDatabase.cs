using System.Data.Common;
using InnerAlly.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>An empty database, as a new install starts with: the app migrates it when it starts.</summary>
    public static async Task<TestDatabase> CreateAsync() => await CreateAsync(template: null);

    /// <summary>
    /// A database already migrated to the current model and holding nothing else, made as a copy of
    /// one template migrated once per test process (SQLite: the file copied; PostgreSQL: CREATE
    /// DATABASE ... TEMPLATE), which is much quicker than migrating each new one. The app finds no
    /// migration pending and makes its own keys, as on a database it has migrated itself.
    /// </summary>
    public static async Task<TestDatabase> CreateMigratedAsync() => await CreateAsync(await MigratedTemplate.Value);

    private static async Task<TestDatabase> CreateAsync(string? template)
    {
        if (ProviderUnderTest == DatabaseProvider.Sqlite)
        {
            var directory = Path.Combine(Path.GetTempPath(), "innerally-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            var file = Path.Combine(directory, "innerally.db");
            if (template is not null)
            {
                File.Copy(template, file);
            }

            return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", directory, null, null);
        }

        var admin = AdminConnectionString;
        var name = $"innerally_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ToString(), null, admin, name);
    }

    private static string AdminConnectionString => Environment.GetEnvironmentVariable("INNERALLY_TEST_POSTGRES")
        ?? throw new InvalidOperationException("INNERALLY_TEST_DATABASE=postgres needs INNERALLY_TEST_POSTGRES, a connection string for a login that may create databases.");

    /// <summary>The SQLite file, or the PostgreSQL database's name, that migrated databases are copied from.</summary>
    private static readonly Lazy<Task<string>> MigratedTemplate = new(MigrateTemplateAsync);

    private static async Task<string> MigrateTemplateAsync()
    {
        // Made empty like any other, migrated by the app's own migrations, then never opened again.
        var template = await CreateAsync(template: null);
        var connectionString = template.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnectionStringBuilder(template.ConnectionString) { Pooling = false }.ToString()
            : new NpgsqlConnectionStringBuilder(template.ConnectionString) { Pooling = false }.ToString();
        await using (AppDbContext db = template.Provider == DatabaseProvider.Sqlite ? DesignTime.Sqlite(connectionString) : DesignTime.Postgres(connectionString))
        {
            await db.Database.MigrateAsync();
        }

        // Removed when the test process ends; a copy needs nothing from it after it is made.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return template.SqliteFile ?? template._databaseName!;
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
