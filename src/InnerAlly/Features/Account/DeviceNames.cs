namespace InnerAlly.Features.Account;

/// <summary>
/// A short, plain name for the browser or app behind a sign-in ("Firefox on Linux"), read from
/// its User-Agent, so that a person can tell their sign-ins apart. Only the names below are kept,
/// never the whole header.
/// </summary>
public static class DeviceNames
{
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("Chrome/", "Chrome"),
        ("Chromium/", "Chromium"),
        ("Safari/", "Safari"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("Android", "Android"),
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Windows", "Windows"),
        ("Mac OS X", "a Mac"),
        ("Macintosh", "a Mac"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ];

    public static string? Of(HttpContext http) => Describe(http.Request.Headers.UserAgent.ToString());

    public static string? Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return null;
        }

        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.Ordinal)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Name;
        return (browser, system) switch
        {
            (not null, not null) => $"{browser} on {system}",
            (not null, null) => browser,
            (null, not null) => $"An app on {system}",
            _ => null,
        };
    }
}
