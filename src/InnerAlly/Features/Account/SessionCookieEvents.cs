using System.Data.Common;
using System.Security.Claims;
using InnerAlly.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnerAlly.Features.Account;

/// <summary>
/// A sign-in lasts 30 idle minutes (sliding) and never more than <see cref="AbsoluteLifetime"/>,
/// and ends at once when the security stamp changes (sign-out, new password, 2FA changes).
/// The stamp is checked on every request; the cookie is re-issued only by sliding expiration.
/// </summary>
public sealed partial class SessionCookieEvents(TimeProvider clock) : CookieAuthenticationEvents
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);
    private const string AbsoluteExpiryKey = ".innerally.absolute-expires";

    public override Task SigningIn(CookieSigningInContext context)
    {
        // Kept across renewals and refreshes; only a fresh sign-in sets it.
        if (!context.Properties.Items.ContainsKey(AbsoluteExpiryKey))
        {
            context.Properties.Items[AbsoluteExpiryKey] = (clock.GetUtcNow() + AbsoluteLifetime).ToString("O");
        }

        return base.SigningIn(context);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (!context.Properties.Items.TryGetValue(AbsoluteExpiryKey, out var text)
            || !DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var expires)
            || clock.GetUtcNow() >= expires)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        // The same check Identity's SecurityStampValidator makes, without re-issuing the cookie
        // on every request: the stamp in the cookie must still be the person's current one.
        var services = context.HttpContext.RequestServices;
        bool current;
        try
        {
            current = context.Principal is not null
                && await services.GetRequiredService<SecurityStamps>().IsCurrentAsync(context.Principal, services.GetRequiredService<AppDbContext>(), context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is DbException or { InnerException: DbException })
        {
            // The database cannot say whether this sign-in still stands (Npgsql's execution strategy
            // wraps a failed connection in an InvalidOperationException). The request goes on as
            // signed out, so pages that need no database (help above all) still answer, but the
            // cookie is kept: when the database is back, so is the person.
            Log.StampUnchecked(services.GetRequiredService<ILogger<SessionCookieEvents>>(), e.GetType().FullName);
            context.RejectPrincipal();
            return;
        }

        if (!current)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        return base.RedirectToLogin(context);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2070, Level = LogLevel.Warning, Message = "A sign-in could not be checked ({ExceptionType}): the database did not answer; this request is treated as signed out")]
        public static partial void StampUnchecked(ILogger logger, string? exceptionType);
    }
}
