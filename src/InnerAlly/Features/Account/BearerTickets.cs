using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace InnerAlly.Features.Account;

/// <summary>
/// Tokens already read and verified, so an app's next request with the same token skips
/// unprotecting it again. A ticket is kept until it expires or for <see cref="Keep"/>, whichever
/// is sooner; the session behind it is still checked on every request (<see cref="SecurityStamps"/>),
/// so signing out ends a remembered token as promptly as any other.
/// </summary>
public sealed class BearerTickets(TimeProvider clock)
{
    public static readonly TimeSpan Keep = TimeSpan.FromMinutes(5);
    public const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, (AuthenticationTicket Ticket, DateTimeOffset Until)> _tickets = new(StringComparer.Ordinal);

    public bool TryGet(string authorization, out AuthenticationTicket ticket)
    {
        if (_tickets.TryGetValue(authorization, out var entry))
        {
            if (clock.GetUtcNow() < entry.Until)
            {
                ticket = entry.Ticket;
                return true;
            }

            _tickets.TryRemove(authorization, out _);
        }

        ticket = null!;
        return false;
    }

    public void Remember(string authorization, AuthenticationTicket ticket)
    {
        var now = clock.GetUtcNow();
        var until = ticket.Properties.ExpiresUtc is { } expires && expires < now + Keep ? expires : now + Keep;
        if (_tickets.Count >= MaxRemembered)
        {
            // A simple bound: start again rather than grow. Tickets are cheap to read again.
            _tickets.Clear();
        }

        _tickets[authorization] = (ticket, until);
    }
}
