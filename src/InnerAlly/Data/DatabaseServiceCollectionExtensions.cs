using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

namespace InnerAlly.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// SQLite by default, in data/innerally.db under the content root;
    /// Database:Provider=Postgres with ConnectionStrings:InnerAlly for PostgreSQL;
    /// ConnectionStrings:InnerAlly alone moves the SQLite file. Settings are read when the first
    /// context is made, so every configuration source (files, variables, arguments, tests) counts.
    /// </summary>
    public static IServiceCollection AddInnerAllyDatabase(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .Configure<IConfiguration, IHostEnvironment>((o, configuration, environment) =>
                o.ConnectionString = ResolveConnectionString(o.Provider, configuration.GetConnectionString(DatabaseOptions.ConnectionStringName), environment.ContentRootPath))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Pooled: a request borrows a ready context instead of building one.
        services.AddDbContextPool<SqliteAppDbContext>((sp, db) =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
#pragma warning disable EF1001 // EF Core's own SQLite connection, without its per-open functions (see PlainSqliteRelationalConnection).
            db.UseSqlite(options.ConnectionString)
                .AddInterceptors(new SqliteConnectionInterceptor(options.SqliteBusyTimeoutSeconds))
                .ReplaceService<ISqliteRelationalConnection, PlainSqliteRelationalConnection>()
                .ReplaceService<IModelCacheKeyFactory, ProtectorAwareModelCacheKeyFactory>();
#pragma warning restore EF1001
        });
        services.AddDbContextPool<PostgresAppDbContext>((sp, db) =>
            db.UseNpgsql(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)
                .ReplaceService<IModelCacheKeyFactory, ProtectorAwareModelCacheKeyFactory>());
        services.AddSingleton<FieldKeyRing>();
        services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
        {
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresAppDbContext>(),
            _ => sp.GetRequiredService<SqliteAppDbContext>(),
        });
        return services;
    }

    /// <summary>
    /// Statements the app runs again and again are prepared once per connection, and a pooled
    /// connection is not reset on the server each time it is returned (the app keeps no session
    /// state). An operator's own settings in the connection string win.
    /// </summary>
    private static string PostgresConnectionString(string configured)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        var given = configured.ToUpperInvariant();
        if (!given.Contains("AUTO PREPARE", StringComparison.Ordinal))
        {
            builder.MaxAutoPrepare = 32;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!given.Contains("RESET ON CLOSE", StringComparison.Ordinal))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    private static string ResolveConnectionString(DatabaseProvider provider, string? configured, string contentRoot) => provider switch
    {
        DatabaseProvider.Sqlite => SqliteConnectionStrings.Resolve(configured, contentRoot),
        DatabaseProvider.Postgres when !string.IsNullOrWhiteSpace(configured) => PostgresConnectionString(configured),
        DatabaseProvider.Postgres => throw new OptionsValidationException(DatabaseOptions.SectionName, typeof(DatabaseOptions), [
            "Database:Provider is Postgres but ConnectionStrings:InnerAlly is not set. Set ConnectionStrings__InnerAlly to a " +
            "PostgreSQL connection string, for example \"Host=localhost;Database=innerally;Username=innerally;Password=...\"."]),
        _ => throw new OptionsValidationException(DatabaseOptions.SectionName, typeof(DatabaseOptions), [
            $"Database:Provider '{provider}' is not one of Sqlite, Postgres."]),
    };
}
