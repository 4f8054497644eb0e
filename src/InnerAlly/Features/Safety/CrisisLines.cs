namespace InnerAlly.Features.Safety;

/// <summary>
/// Crisis lines by country, kept as data (Content/Safety/crisis-lines.json) with the date each was
/// last checked. One for the app (SafetyFeature.AddSafety), read as it starts.
/// </summary>
public sealed class CrisisLines(Countries countries)
{
    public Directory All { get; } = SafetyContent.Read<Directory>("crisis-lines.json");

    /// <summary>The name of the cookie that remembers a signed-out person's country on their device.</summary>
    public const string CountryCookie = "innerally-country";

    /// <summary>Remembers a chosen country on this device, so help knows it even when signed out or the database is down.</summary>
    public static void RememberOnDevice(HttpContext http, string country) =>
        http.Response.Cookies.Append(CountryCookie, country, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
        });

    /// <summary>A line for children and young people.</summary>
    public const string Youth = "youth";

    /// <summary>A line for someone being hurt by another person.</summary>
    public const string Abuse = "abuse";

    /// <param name="EmergencyNumbers">The number to call in immediate danger for countries without lines here, by code.</param>
    public sealed record Directory(DateOnly LastVerified, IReadOnlyList<Country> Countries, Elsewhere Elsewhere, IReadOnlyDictionary<string, string>? EmergencyNumbers = null);

    /// <param name="Code">ISO 3166-1 alpha-2, such as "GB".</param>
    public sealed record Country(string Code, string Name, string Emergency, DateOnly LastVerified, IReadOnlyList<Line> Lines)
    {
        /// <summary>
        /// The lines to offer for a notice: for harm from others, the abuse and youth lines first
        /// (SAFETY.md principle 7), then the rest; otherwise every line as listed.
        /// </summary>
        public IReadOnlyList<Line> LinesFor(string? category) => category == SafetySupport.FromOthers
            ? [.. Lines.Where(l => l.IsFor(Abuse) || l.IsFor(Youth)), .. Lines.Where(l => !l.IsFor(Abuse) && !l.IsFor(Youth))]
            : Lines;
    }

    /// <param name="Call">Digits to dial, for a tap-to-call link; null when the line takes no calls.</param>
    /// <param name="Text">Digits to send a text message to; null when the line takes no texts.</param>
    /// <param name="TextMessage">The word the service asks for in the first message, if any.</param>
    /// <param name="For">Who the line is for beyond a crisis: <see cref="Youth"/>, <see cref="Abuse"/>; null for anyone.</param>
    /// <param name="LastVerified">When this line was checked, if later than its country's entry.</param>
    /// <param name="Source">Where this line's number was taken from, if later than its country's entry.</param>
    public sealed record Line(
        string Name, string How, string? Call = null, string? Text = null, string? TextMessage = null,
        IReadOnlyList<string>? For = null, DateOnly? LastVerified = null, string? Source = null)
    {
        public bool IsFor(string who) => For?.Contains(who, StringComparer.Ordinal) == true;

        public string? CallHref => Call is null ? null : "tel:" + Call;

        public string? TextHref => Text is null ? null : "sms:" + Text + (TextMessage is null ? string.Empty : "?body=" + Uri.EscapeDataString(TextMessage));
    }

    /// <summary>For anywhere without lines of its own: the local emergency number and a worldwide directory.</summary>
    public sealed record Elsewhere(string Emergency, string How, string Url, DateOnly LastVerified);

    /// <summary>The lines listed for <paramref name="code"/> (any case), or null when that country has none here.</summary>
    public Country? Find(string? code) =>
        code is null ? null : All.Countries.FirstOrDefault(c => string.Equals(c.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The emergency number for <paramref name="code"/>: its entry's, else the list's, else null.</summary>
    public string? EmergencyFor(string? code) =>
        Find(code)?.Emergency ?? (countries.Normalize(code) is { } known ? All.EmergencyNumbers?.GetValueOrDefault(known) : null);

    /// <summary>
    /// Which lines to offer first: the country in the person's settings, else the one they chose on
    /// this device (a cookie, for someone signed out), else none, and the page asks. When that
    /// country has no lines here, the worldwide directory comes first with the country's emergency
    /// number, never another country's lines. The browser's language is not a guess at where
    /// someone is: an en-US browser is everywhere (issue 15).
    /// </summary>
    public SupportResources Choose(string? personCountry, HttpRequest request)
    {
        if (countries.Normalize(personCountry) is { } chosen)
        {
            return new SupportResources(Find(chosen), All.Elsewhere, SupportResources.BySettings, chosen, EmergencyFor(chosen));
        }

        if (countries.Normalize(request.Cookies[CountryCookie]) is { } remembered)
        {
            return new SupportResources(Find(remembered), All.Elsewhere, SupportResources.ByDevice, remembered, EmergencyFor(remembered));
        }

        return new SupportResources(null, All.Elsewhere, SupportResources.ByNothing);
    }
}
