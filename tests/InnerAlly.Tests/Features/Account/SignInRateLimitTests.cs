using System.Net;
using System.Net.Http.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Account;

/// <summary>With RateLimits:SignInPermitLimit=3, the fourth attempt answers 429 with Retry-After; reading pages stays free.</summary>
public sealed class SignInRateLimitTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<InnerAllyFactory> StartAsync()
    {
        var factory = new InnerAllyFactory { Settings = new Dictionary<string, string?> { ["RateLimits:SignInPermitLimit"] = "3" } };
        await factory.InitializeAsync();
        return factory;
    }

    [Fact]
    public async Task Fourth_sign_in_post_answers_429_with_retry_after_while_the_page_still_opens()
    {
        await using var factory = await StartAsync();
        var browser = new PageBrowser(factory.CreatePageClient());
        for (var i = 0; i < 3; i++)
        {
            var attempt = await browser.SignInAsync("someone@example.com", "not the right one");
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        var fourth = await browser.SignInAsync("someone@example.com", "not the right one");

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.True(fourth.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("wait a little", await fourth.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/account/login"));
    }

    [Fact]
    public async Task Fourth_api_login_answers_429_with_retry_after()
    {
        await using var factory = await StartAsync();
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var attempt = await client.PostAsJsonAsync("/api/v1/account/login", new { email = "someone@example.com", password = "not the right one" }, Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }

        var fourth = await client.PostAsJsonAsync("/api/v1/account/login", new { email = "someone@example.com", password = "not the right one" }, Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.True(fourth.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", fourth.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/account/register")]
    [InlineData("/account/login-2fa")]
    [InlineData("/account/login-recovery")]
    public async Task Other_pages_that_take_passwords_or_codes_are_limited_too(string url)
    {
        await using var factory = await StartAsync();
        var browser = new PageBrowser(factory.CreatePageClient());
        var token = (await browser.OpenAsync("/account/login")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await browser.Client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Cancel);
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }
}
