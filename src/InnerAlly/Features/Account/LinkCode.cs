using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace InnerAlly.Features.Account;

/// <summary>
/// Identity's tokens as they travel in links and emails: base64url of the UTF-8 text, as
/// Identity UI writes them, so a code survives a query string.
/// </summary>
internal static class LinkCode
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token again, or null when the code is missing or damaged.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
