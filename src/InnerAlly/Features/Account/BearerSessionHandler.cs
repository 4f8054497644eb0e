using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;

namespace InnerAlly.Features.Account;

/// <summary>
/// The API's scheme: Identity's bearer token, and the session it belongs to must still be alive.
/// When the person signs out everywhere or changes their password, the security stamp changes
/// and a token issued before that stops working at once, answering 401. (Cookies get the same
/// check in SessionCookieEvents; both go through SecurityStamps.) A token must also be the newest
/// of its family (<see cref="TokenFamilies"/>): once it has been refreshed, the old one is refused.
/// </summary>
public sealed class BearerSessionHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "InnerAlly.Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var services = Context.RequestServices;
        var tickets = services.GetRequiredService<BearerTickets>();
        var presented = Request.Headers.Authorization.ToString();
        if (!tickets.TryGet(presented, out var ticket))
        {
            var token = await Context.AuthenticateAsync(IdentityConstants.BearerScheme);
            if (!token.Succeeded)
            {
                return token;
            }

            ticket = token.Ticket;
            tickets.Remember(presented, ticket);
        }

        var db = services.GetRequiredService<AppDbContext>();
        return await services.GetRequiredService<SecurityStamps>().IsCurrentAsync(ticket.Principal, db, Context.RequestAborted)
            && await services.GetRequiredService<TokenFamilies>().IsCurrentAsync(ticket.Principal, db, Context.RequestAborted)
            ? AuthenticateResult.Success(new AuthenticationTicket(ticket.Principal, ticket.Properties, Scheme.Name))
            : AuthenticateResult.Fail("This sign-in has ended.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.ChallengeAsync(IdentityConstants.BearerScheme, properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Context.ForbidAsync(IdentityConstants.BearerScheme, properties);
}
