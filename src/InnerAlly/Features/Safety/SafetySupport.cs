namespace InnerAlly.Features.Safety;

/// <summary>
/// The support notice shown when something a person shared suggests they may be at risk
/// (SAFETY.md): save what they shared first, then make a notice and render it.
/// <code>
/// // in a page handler or endpoint, after SaveChangesAsync; "self", "from_others" or "to_others"
/// var notice = await safety.NoticeForAsync(SafetySupport.Self, HttpContext, db, cancellationToken);
/// // or, when the person's country is already at hand (or there is no signed-in person):
/// var notice = safety.NoticeFor(SafetySupport.Self, HttpContext, user.Country);
/// </code>
/// then, in the page, <c>&lt;partial name="/Features/Safety/_SupportNotice.cshtml" model="notice" /&gt;</c>,
/// or return the <see cref="SafetyNotice"/> in a JSON response as it is. <see cref="SafetyNotice.None"/>
/// renders nothing. One for the app (SafetyFeature.AddSafety): its messages are read as the app
/// starts, so a broken file stops it there rather than failing when someone needs help.
/// </summary>
public sealed partial class SafetySupport(CrisisLines lines, ILogger<SafetySupport> logger)
{
    /// <summary>Risk to self: suicidal thoughts, self-harm.</summary>
    public const string Self = "self";

    /// <summary>Harm from others: abuse, violence, not being safe at home, including a child's disclosure.</summary>
    public const string FromOthers = "from_others";

    /// <summary>Risk to others.</summary>
    public const string ToOthers = "to_others";

    /// <summary>How long help waits for the person's country before going on without it.</summary>
    public static readonly TimeSpan CountryLookupLimit = TimeSpan.FromSeconds(2);

    private const string General = "general";
    private const string Gentle = "gentle";

    private readonly IReadOnlyDictionary<string, string> _messages = SafetyContent.Read<MessagesFile>("support-messages.json", static (file, path) =>
    {
        if (((string[])[Self, FromOthers, ToOthers, General, Gentle]).FirstOrDefault(c => !file.Messages.ContainsKey(c)) is { } missing)
        {
            throw new InvalidDataException($"{path} has no message for '{missing}'.");
        }
    }).Messages;

    public static IReadOnlyList<string> Categories { get; } = [Self, FromOthers, ToOthers];

    /// <summary>
    /// The notice for <paramref name="category"/>, with crisis lines chosen from
    /// <paramref name="personCountry"/> (the signed-in person's setting, or null), else the region of
    /// the browser's language, else the worldwide fallback. A category this version does not know
    /// still gets a notice, with general words: missing someone at risk is the worse mistake.
    /// </summary>
    public SafetyNotice NoticeFor(string category, HttpContext context, string? personCountry)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(context);
        if (!_messages.TryGetValue(category, out var message) || category is General or Gentle)
        {
            Log.UnknownCategory(logger, category);
            message = _messages[General];
        }

        var resources = ResourcesFor(context, personCountry);
        return new SafetyNotice(
            true,
            category,
            message.Replace("{emergency}", resources.Emergency, StringComparison.Ordinal),
            resources,
            SafetyNotice.SafetyPlanPath,
            SafetyNotice.HelpPath,
            SafetyNotice.NoticeLevel);
    }

    /// <summary>
    /// The gentle line for an unsure reading (SAFETY.md 2a): a few words beneath what the person
    /// saved, with the help link, never the full notice and no category.
    /// </summary>
    public SafetyNotice GentleLine => new(
        true, null, _messages[Gentle], null, SafetyNotice.SafetyPlanPath, SafetyNotice.HelpPath, SafetyNotice.GentleLevel);

    /// <summary>As <see cref="NoticeFor"/>, looking up the signed-in person's country (see <see cref="CountryOfAsync"/>).</summary>
    public async Task<SafetyNotice> NoticeForAsync(string category, HttpContext context, AppDbContext db, CancellationToken cancellationToken) =>
        NoticeFor(category, context, await CountryOfAsync(context.User, db, cancellationToken));

    /// <summary>The lines to offer first for this request (the same rules as <see cref="NoticeFor"/>).</summary>
    public SupportResources ResourcesFor(HttpContext context, string? personCountry) =>
        lines.Choose(personCountry, context.Request);

    /// <summary>
    /// The country the signed-in person chose, or null: when nobody is signed in, when they have not
    /// chosen, and when the database cannot answer within <see cref="CountryLookupLimit"/>. Help is
    /// shown either way, so a failure here is logged and never thrown.
    /// </summary>
    public async Task<string?> CountryOfAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(CountryLookupLimit);
        try
        {
            return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Country).SingleOrDefaultAsync(limit.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The type only: help goes on without the country.
            Log.CountryUnavailable(logger, e.GetType().FullName);
            return null;
        }
    }

    private sealed record MessagesFile(IReadOnlyDictionary<string, string> Messages);

    private static partial class Log
    {
        [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "No support message for category {Category}; the general one is shown")]
        public static partial void UnknownCategory(ILogger logger, string category);

        [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "The person's country could not be read ({ExceptionType}); help is shown without it")]
        public static partial void CountryUnavailable(ILogger logger, string? exceptionType);
    }
}
