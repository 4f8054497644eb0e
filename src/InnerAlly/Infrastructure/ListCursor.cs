namespace InnerAlly.Infrastructure;

/// <summary>
/// Where a page of a newest-first list ended: the last item's time and id (ids break ties between
/// equal times). Lists of check-ins and of everything a person wrote hand it out as nextCursor.
/// </summary>
public sealed record ListCursor(DateTime At, Guid Id)
{
    public override string ToString() =>
        $"{At.Ticks.ToString(CultureInfo.InvariantCulture)}.{Id:N}";

    /// <summary>True for no cursor at all (the first page) and for one this app gave out.</summary>
    public static bool TryParse(string? text, out ListCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0
            || !long.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks
            || !Guid.TryParseExact(text.AsSpan(dot + 1), "N", out var id))
        {
            return false;
        }

        cursor = new ListCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}
