namespace InnerAlly.Features.Writing;

/// <summary>What a save came to: the item, or the problems with what was sent (keyed by field), or nothing found to change.</summary>
public sealed record SaveResult<T>(T? Saved, Dictionary<string, string[]>? Problems)
    where T : class;

public static class SaveResult
{
    public static SaveResult<T> NotFound<T>()
        where T : class => new(null, null);

    public static SaveResult<T> Problem<T>(string field, string message)
        where T : class => new(null, new() { [field] = [message] });
}
