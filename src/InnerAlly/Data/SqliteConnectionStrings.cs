using Microsoft.Data.Sqlite;

namespace InnerAlly.Data;

public static class SqliteConnectionStrings
{
    /// <summary>
    /// Fills in the default file, makes a relative file path relative to the content root,
    /// and creates the folder the file lives in.
    /// </summary>
    public static string Resolve(string? connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(connectionString)
                ? $"Data Source={Path.Combine("data", "innerally.db")}"
                : connectionString);
        var isFile = builder.Mode != SqliteOpenMode.Memory
            && !string.IsNullOrEmpty(builder.DataSource)
            && !builder.DataSource.Equals(":memory:", StringComparison.Ordinal);
        if (isFile)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }
}
