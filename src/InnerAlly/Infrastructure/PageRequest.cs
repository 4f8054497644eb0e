namespace InnerAlly.Infrastructure;

/// <summary>
/// Which page of a newest-first list an API call wants, the same for every list (eShop's
/// <c>PaginationRequest</c>, with a cursor where eShop has a page number): taken with
/// <c>[AsParameters]</c> and checked at the edge, so a bad limit or cursor is a 400 naming it
/// before the handler runs. A list with more query strings derives from it.
/// </summary>
public class PageRequest
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Items per page, 1 to 200 (50 if not given).</summary>
    [PageLimit]
    public string? Limit { get; set; }

    /// <summary>nextCursor from the previous page.</summary>
    [PageCursor]
    public string? Cursor { get; set; }

    /// <summary>How many items to give; read only after the edge has checked <see cref="Limit"/>.</summary>
    public int Size => PageLimitAttribute.TryRead(Limit, out var size) ? size : throw new InvalidOperationException("The edge checks limit.");

    /// <summary>Where the page starts (null for the first); read only after the edge has checked <see cref="Cursor"/>.</summary>
    public ListCursor? After => ListCursor.TryParse(Cursor, out var after) ? after : throw new InvalidOperationException("The edge checks cursor.");
}

/// <summary>A page size: nothing (the default), or a whole number from 1 to <see cref="PageRequest.MaxLimit"/>, as text from a query string or a number from a body.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PageLimitAttribute() : ValidationAttribute($"limit is a whole number from 1 to {PageRequest.MaxLimit}.")
{
    public override bool IsValid(object? value) => value switch
    {
        null => true,
        int number => number is >= 1 and <= PageRequest.MaxLimit,
        string text => TryRead(text, out _),
        _ => false,
    };

    public static bool TryRead(string? text, out int size)
    {
        size = PageRequest.DefaultLimit;
        return text is null
            || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= PageRequest.MaxLimit);
    }
}

/// <summary>A cursor this API gave out as nextCursor, or none.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PageCursorAttribute() : ValidationAttribute("cursor is not one this API gave out; pass nextCursor from the previous page exactly.")
{
    public override bool IsValid(object? value) => value is null || (value is string text && ListCursor.TryParse(text, out _));
}

/// <summary>A date or time in ISO 8601 form, or none; a date means its start, UTC.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class IsoTimeAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is null || (value is string text && (string.IsNullOrWhiteSpace(text) || Parse(text) is not null));

    /// <summary>The time in UTC; null for nothing and for text that is not a time.</summary>
    public static DateTime? Parse(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value.UtcDateTime
            : null;
}
