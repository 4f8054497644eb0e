using System.Security.Cryptography;
using System.Text;

namespace InnerAlly.Features.Calendar;

/// <summary>
/// A secret address at which a calendar app can subscribe to a person's reminders (their weekly
/// rhythm of practice, their questionnaire reminders). Found by the SHA-256 of its secret; the
/// secret itself is kept sealed so the page can show the address again. Making a new one replaces
/// the old, which stops working at once.
/// </summary>
public sealed class CalendarFeed
{
    public const string Purpose = "InnerAlly.CalendarFeed.v1";

    private CalendarFeed()
    {
    }

    public Guid UserId { get; private set; }

    public string TokenHash { get; private set; } = "";

    /// <summary>Sealed at rest, like health text: the address alone is enough to read the feed.</summary>
    public string Token { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public string Path => PathFor(Token);

    public static CalendarFeed Create(Guid userId, DateTime createdAt)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new CalendarFeed { UserId = userId, Token = token, TokenHash = Hash(token), CreatedAt = createdAt.ToUniversalTime() };
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string PathFor(string token) => $"/calendar/{token}.ics";
}
