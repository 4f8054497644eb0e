using System.Collections.Concurrent;

namespace InnerAlly.Data;

/// <summary>One writer at a time per SQLite database file, within this process.</summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static SemaphoreSlim For(string? connectionString) =>
        Gates.GetOrAdd(connectionString ?? string.Empty, static _ => new SemaphoreSlim(1, 1));
}
