using System.ComponentModel.DataAnnotations;
using InnerAlly.Data;
using Microsoft.EntityFrameworkCore;

namespace InnerAlly.Features.Account;

/// <summary>The settings a person chooses for themselves; called by the account page and the API alike.</summary>
public static partial class UpdatePreferences
{
    public const string UnknownZone = "Choose a time zone from the list, such as Europe/London or America/New_York.";

    public sealed class Request
    {
        /// <summary>An IANA time zone id, such as "Europe/London".</summary>
        [Required(ErrorMessage = UnknownZone)]
        public string? TimeZone { get; set; }
    }

    public sealed record Preferences(string TimeZone);

    public static async Task<Preferences?> GetAsync(Guid userId, AppDbContext db, CancellationToken cancellationToken)
    {
        var zone = await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZoneId).SingleOrDefaultAsync(cancellationToken);
        return zone is null ? null : new Preferences(zone);
    }

    /// <summary>False when the zone is not one the server knows; nothing is changed then.</summary>
    public static async Task<bool> HandleAsync(Request request, Guid userId, AppDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var zone = TimeZones.Normalize(request.TimeZone);
        if (zone is null)
        {
            return false;
        }

        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        user.TimeZoneId = zone;
        await db.SaveChangesAsync(cancellationToken);
        Log.Updated(logger, userId);
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Preferences of {UserId} updated")]
        public static partial void Updated(ILogger logger, Guid userId);
    }
}
