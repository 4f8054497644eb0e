using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Design;

namespace InnerAlly.Data;

/// <summary>
/// Lets `dotnet ef migrations add` build each provider's model without starting the app.
/// Identity reads its schema version (3: passkeys), and the context its field key ring, from the
/// application's services, so the factories give them the same services the app uses.
/// </summary>
public static class DesignTime
{
    private static readonly IServiceProvider IdentityServices = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .AddLogging()
        .AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider())
        .AddSingleton(TimeProvider.System)
        .AddSingleton<FieldKeyRing>()
        .BuildServiceProvider();

    public static SqliteAppDbContext Sqlite(string connectionString = "Data Source=design-time.db") =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString).UseApplicationServiceProvider(IdentityServices).Options);

    public static PostgresAppDbContext Postgres(string connectionString = "Host=localhost;Database=innerally_design") =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connectionString).UseApplicationServiceProvider(IdentityServices).Options);
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) => DesignTime.Sqlite();
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) => DesignTime.Postgres();
}
