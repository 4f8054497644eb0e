using System.Net;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Account;

/// <summary>The session cookie's flags, and how long a sign-in lasts: 30 idle minutes, 12 hours at most.</summary>
public sealed class SessionCookieTests(ClockFactory factory) : IClassFixture<ClockFactory>
{
    [Fact]
    public async Task Session_cookie_is_http_only_and_same_site_lax_without_secure_over_plain_http()
    {
        var email = InnerAllyFactory.NewEmail();
        await PageBrowser.RegisterAsync(factory, email);
        var browser = new PageBrowser(factory.CreatePageClient());

        var response = await browser.SignInAsync(email, InnerAllyFactory.GoodPassword);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("InnerAlly.Session=", StringComparison.Ordinal));
        var flags = cookie.Split(';').Skip(1).Select(f => f.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", flags);
        Assert.Contains("samesite=lax", flags);
        Assert.DoesNotContain("secure", flags);
        Assert.DoesNotContain(flags, f => f.StartsWith("expires", StringComparison.Ordinal) || f.StartsWith("max-age", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_31_idle_minutes_the_next_request_goes_to_sign_in()
    {
        var browser = await PageBrowser.RegisterAsync(factory);
        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/check-ins"));

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        var response = await browser.Client.GetAsync("/check-ins", PageBrowser.Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staying_active_every_20_minutes_still_ends_after_12_hours()
    {
        var browser = await PageBrowser.RegisterAsync(factory);
        var elapsed = TimeSpan.Zero;
        var step = TimeSpan.FromMinutes(20);

        // 11 hours 40 minutes of use, never idle for more than 20 minutes: still signed in.
        while (elapsed + step < TimeSpan.FromHours(12))
        {
            factory.Clock.Advance(step);
            elapsed += step;
            Assert.True(await browser.StatusOfAsync("/check-ins") == HttpStatusCode.OK, $"Signed out early, after {elapsed}.");
        }

        factory.Clock.Advance(step);
        var response = await browser.Client.GetAsync("/check-ins", PageBrowser.Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
