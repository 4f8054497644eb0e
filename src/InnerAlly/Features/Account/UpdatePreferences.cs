namespace InnerAlly.Features.Account;

/// <summary>The settings a person chooses for themselves; called by the account page and the API alike.</summary>
public static partial class UpdatePreferences
{
    public const string UnknownZone = "Choose a time zone from the list, such as Europe/London or America/New_York.";
    public const string UnknownCountry = "Choose a country from the list, or leave it blank. Countries are two-letter codes, such as GB or NZ.";

    public sealed class Request
    {
        /// <summary>An IANA time zone id, such as "Europe/London".</summary>
        [Required(ErrorMessage = UnknownZone)]
        public string? TimeZone { get; set; }

        /// <summary>
        /// Where you are, as an ISO 3166-1 alpha-2 code such as "GB", so crisis lines for your
        /// country come first. Leave it out, null or empty for none.
        /// </summary>
        public string? Country { get; set; }
    }

    public sealed record Preferences(string TimeZone, string? Country);

    public static async Task<Preferences?> GetAsync(Guid userId, AppDbContext db, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => new Preferences(u.TimeZoneId, u.Country)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Replaces every preference. Returns the fields that could not be saved, by their JSON names,
    /// with a message each; when there are any, nothing is changed.
    /// </summary>
    public static async Task<Dictionary<string, string[]>> HandleAsync(Request request, Guid userId, AppDbContext db, Countries countries, ILogger logger, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var zone = TimeZones.Normalize(request.TimeZone);
        if (zone is null)
        {
            errors["timeZone"] = [UnknownZone];
        }

        if (!TryReadCountry(request.Country, countries, out var country))
        {
            errors["country"] = [UnknownCountry];
        }

        if (errors.Count == 0)
        {
            await SaveAsync(userId, u => (u.TimeZoneId, u.Country) = (zone!, country), db, logger, cancellationToken);
        }

        return errors;
    }

    /// <summary>False when the zone is not one the server knows; nothing is changed then.</summary>
    public static async Task<bool> ChangeTimeZoneAsync(string? timeZone, Guid userId, AppDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        if (TimeZones.Normalize(timeZone) is not { } zone)
        {
            return false;
        }

        await SaveAsync(userId, u => u.TimeZoneId = zone, db, logger, cancellationToken);
        return true;
    }

    /// <summary>False when the code is not a country on the list; blank clears the choice.</summary>
    public static async Task<bool> ChangeCountryAsync(string? code, Guid userId, AppDbContext db, Countries countries, ILogger logger, CancellationToken cancellationToken)
    {
        if (!TryReadCountry(code, countries, out var country))
        {
            return false;
        }

        await SaveAsync(userId, u => u.Country = country, db, logger, cancellationToken);
        return true;
    }

    /// <summary>Blank means no country; anything else must be on the list.</summary>
    private static bool TryReadCountry(string? code, Countries countries, out string? country)
    {
        country = countries.Normalize(code);
        return country is not null || string.IsNullOrWhiteSpace(code);
    }

    private static async Task SaveAsync(Guid userId, Action<User> change, AppDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        change(user);
        await db.SaveChangesAsync(cancellationToken);
        Log.Updated(logger, userId);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Preferences of {UserId} updated")]
        public static partial void Updated(ILogger logger, Guid userId);
    }
}
