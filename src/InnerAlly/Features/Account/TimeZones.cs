namespace InnerAlly.Features.Account;

/// <summary>IANA time zones as the server knows them, for choosing and for checking a choice.</summary>
public static class TimeZones
{
    public sealed record Choice(string Id, string Label);

    /// <summary>
    /// The IANA id to store for <paramref name="id"/>, or null when the server does not know it.
    /// Aliases browsers still send (such as "US/Pacific") are kept as given; Windows ids become IANA ones.
    /// </summary>
    public static string? Normalize(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > User.TimeZoneIdMaxLength)
        {
            return null;
        }

        id = id.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return null;
        }

        if (zone.HasIanaId)
        {
            return zone.Id;
        }

        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : null;
    }

    /// <summary>Every zone by name, with its offset today, plus <paramref name="current"/> if the list lacks it.</summary>
    public static IReadOnlyList<Choice> Choices(DateTimeOffset now, string? current)
    {
        var zones = TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId).ToList();
        if (current is not null && !zones.Any(z => z.Id == current) && TimeZoneInfo.TryFindSystemTimeZoneById(current, out var extra))
        {
            zones.Add(extra);
        }

        return [.. zones
            .OrderBy(z => z.Id, StringComparer.Ordinal)
            .Select(z => new Choice(z.Id, $"{z.Id.Replace('_', ' ')} (UTC{Offset(z.GetUtcOffset(now))})"))];
    }

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
