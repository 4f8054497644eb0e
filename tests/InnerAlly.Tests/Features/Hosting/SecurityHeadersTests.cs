using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Hosting;

/// <summary>
/// Every response carries the same protections: no inline script or style, no framing, no
/// content sniffing, no referrer, and nothing personal left in a cache.
/// </summary>
public sealed class SecurityHeadersTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    /// <summary>Whatever a page route answers: the sign-in page once it exists, the not-found page before.</summary>
    [Fact]
    public async Task Page_route_has_the_security_headers()
    {
        var response = await factory.CreatePageClient().GetAsync("/account/login", TestContext.Current.CancellationToken);

        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Api_response_has_the_security_headers_and_is_not_stored()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        var created = await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 3, drive = 4, soothe = 5, note = "not for any cache" }, TestContext.Current.CancellationToken);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();

        foreach (var response in new[]
                 {
                     created,
                     await client.GetAsync($"/api/v1/check-ins/{id}", TestContext.Current.CancellationToken),
                     await client.GetAsync("/api/v1/check-ins", TestContext.Current.CancellationToken),
                 })
        {
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode}");
            AssertSecurityHeaders(response);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage?.RequestUri} should be Cache-Control: no-store.");
        }
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/api/v1/no-such-thing")]
    public async Task Not_found_has_the_security_headers(string path)
    {
        var response = await factory.CreatePageClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertSecurityHeaders(response);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Problem_responses_have_the_security_headers_and_are_not_stored()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var response = await client.PostAsJsonAsync("/api/v1/check-ins", new { threat = 11, drive = 4, soothe = 5 }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertSecurityHeaders(response);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var where = $"{response.RequestMessage?.RequestUri} ({(int)response.StatusCode})";
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", csp, StringComparison.Ordinal);
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("frame-ancestors 'none'", directives);
        Assert.Contains("default-src 'self'", directives);
        Assert.Contains("script-src 'self'", directives);
        Assert.Contains("object-src 'none'", directives);
        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", $"{where}: X-Content-Type-Options");
        Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "no-referrer", $"{where}: Referrer-Policy");
        Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frame) && frame.Single() == "DENY", $"{where}: X-Frame-Options");
    }
}
