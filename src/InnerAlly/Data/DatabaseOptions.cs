namespace InnerAlly.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from the "Database" section; the connection string comes from ConnectionStrings:InnerAlly.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "InnerAlly";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Seconds a SQLite writer waits for the lock before giving up.</summary>
    [Range(1, 600)]
    public int SqliteBusyTimeoutSeconds { get; set; } = 30;

    /// <summary>Resolved from ConnectionStrings:InnerAlly (SQLite: made absolute, with a default file).</summary>
    public string ConnectionString { get; set; } = "";
}
