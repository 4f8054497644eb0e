using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace InnerAlly.Features.Account;

/// <summary>
/// "Is it still you?" before the locks on an account are changed (ASVS 7.5.1). Turning two-step
/// sign-in on or off, making new recovery codes, and adding or removing a passkey need the
/// person to have signed in, or typed their password on /account/confirm, in this browser in the
/// last <see cref="Lasts"/>. Someone who finds a phone left signed in, or a stolen session
/// cookie, cannot change them without the password.
/// The note is a sealed cookie naming the person and their security stamp, so it ends when the
/// password (or anything else that ends sessions) changes, and it is only ever sent to /account.
/// </summary>
public sealed class RecentConfirmation(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "InnerAlly.Confirmed";
    public const string PagePath = "/account/confirm";
    public static readonly TimeSpan Lasts = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _protector = protection.CreateProtector("InnerAlly.Account.RecentConfirmation");

    /// <summary>Starts a new window: the person has just shown they know the password (or signed in fully).</summary>
    public void Remember(HttpContext http, User user) => Write(http, user, clock.GetUtcNow() + Lasts);

    /// <summary>
    /// After a change that gives the person a new security stamp (two-step on or off, a passkey
    /// added or removed), the window they already had carries on to its old end.
    /// </summary>
    public void KeepAfterChange(HttpContext http, User user, DateTimeOffset until) => Write(http, user, until);

    /// <summary>When the window ends, or null when there is none open for this person now.</summary>
    public DateTimeOffset? OpenUntil(HttpContext http, User user)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 0 } sealedNote)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(sealedNote).Split('|');
            if (parts.Length != 3
                || parts[0] != user.Id.ToString("N")
                || !CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(parts[1]), System.Text.Encoding.UTF8.GetBytes(user.SecurityStamp ?? ""))
                || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return null;
            }

            var until = new DateTimeOffset(ticks, TimeSpan.Zero);
            return until > clock.GetUtcNow() ? until : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public bool IsOpen(HttpContext http, User user) => OpenUntil(http, user) is not null;

    public static void Forget(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/account" });

    /// <summary>Where to send someone whose window is not open, to come back to <paramref name="returnUrl"/>.</summary>
    public static string AskPath(string returnUrl) => $"{PagePath}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    private void Write(HttpContext http, User user, DateTimeOffset until)
    {
        var note = string.Create(CultureInfo.InvariantCulture, $"{user.Id:N}|{user.SecurityStamp}|{until.UtcTicks}");
        http.Response.Cookies.Append(CookieName, _protector.Protect(note), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/account",
            Expires = until,
            IsEssential = true,
        });
    }
}
