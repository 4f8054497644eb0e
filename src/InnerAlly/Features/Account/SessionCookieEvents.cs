using System.Data.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace InnerAlly.Features.Account;

/// <summary>
/// A sign-in lasts 30 idle minutes (sliding) and never more than <see cref="AbsoluteLifetime"/>,
/// and ends at once when the security stamp changes (sign-out, new password, 2FA changes).
/// The stamp is checked on every request; the cookie is re-issued only by sliding expiration.
/// Each sign-in is a <see cref="TokenFamily"/> of its own, named in the cookie's properties, so the
/// person can see it on /account/sessions and end it alone.
/// </summary>
public sealed partial class SessionCookieEvents(TimeProvider clock) : CookieAuthenticationEvents
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);
    private const string AbsoluteExpiryKey = ".innerally.absolute-expires";
    private const string FamilyKey = ".innerally.sign-in";

    public override async Task SigningIn(CookieSigningInContext context)
    {
        var services = context.HttpContext.RequestServices;
        var families = services.GetRequiredService<TokenFamilies>();
        var db = services.GetRequiredService<AppDbContext>();
        var cancellationToken = context.HttpContext.RequestAborted;
        // Kept across renewals and refreshes; only a fresh sign-in sets them.
        if (!context.Properties.Items.ContainsKey(AbsoluteExpiryKey))
        {
            context.Properties.Items[AbsoluteExpiryKey] = (clock.GetUtcNow() + AbsoluteLifetime).ToString("O");
        }

        if (context.Principal is not null && Guid.TryParse(context.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            if (FamilyOf(context.Properties) is { } family)
            {
                await families.RestampAsync(family, context.Principal, db, cancellationToken);
            }
            else
            {
                var started = await families.StartBrowserAsync(context.Principal, userId, DeviceNames.Of(context.HttpContext), db, cancellationToken);
                context.Properties.Items[FamilyKey] = started.ToString("N");
            }
        }

        await base.SigningIn(context);
    }

    public static Guid? FamilyOf(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(FamilyKey, out var text) && Guid.TryParseExact(text, "N", out var id) ? id : null;

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
            var db = services.GetRequiredService<AppDbContext>();
            current = context.Principal is not null
                && await services.GetRequiredService<SecurityStamps>().IsCurrentAsync(context.Principal, db, context.HttpContext.RequestAborted)
                && FamilyOf(context.Properties) is { } family
                && await services.GetRequiredService<TokenFamilies>().IsCurrentAsync(family, 0, db, context.HttpContext.RequestAborted);
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
