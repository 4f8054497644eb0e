using System.Net;
using System.Net.Http.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Security;

/// <summary>With RateLimits:WritesPerMinute=3, one person's fourth change in a minute is 429; reads, searches and other people are not held up.</summary>
public sealed class WriteLimitTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_fourth_change_in_a_minute_is_429_with_retry_after_and_another_person_still_writes()
    {
        await using var factory = new InnerAllyFactory { Settings = new Dictionary<string, string?> { ["RateLimits:WritesPerMinute"] = "3" } };
        await factory.InitializeAsync();
        var person = await factory.CreateSignedInApiClientAsync();
        var other = await factory.CreateSignedInApiClientAsync();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await person.PostAsJsonAsync("/api/v1/check-ins", new { threat = 3, drive = 3, soothe = 3 }, Cancel)).StatusCode);
        }

        var fourth = await person.PostAsJsonAsync("/api/v1/check-ins", new { threat = 3, drive = 3, soothe = 3 }, Cancel);
        var search = await person.PostAsJsonAsync("/api/v1/journal-entries/search", new { q = "walk" }, Cancel);
        var read = await person.GetAsync("/api/v1/check-ins", Cancel);
        var othersWrite = await other.PostAsJsonAsync("/api/v1/check-ins", new { threat = 3, drive = 3, soothe = 3 }, Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Equal("application/problem+json", fourth.Content.Headers.ContentType?.MediaType);
        Assert.True(fourth.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Created, othersWrite.StatusCode);
        Assert.Equal(3 + 1, factory.WithDb(db => db.CheckIns.Count())); // three of the person's, one of the other's
    }

    [Fact]
    public async Task A_page_form_past_the_limit_is_asked_to_wait()
    {
        await using var factory = new InnerAllyFactory { Settings = new Dictionary<string, string?> { ["RateLimits:WritesPerMinute"] = "1" } };
        await factory.InitializeAsync();
        var session = await PageBrowser.RegisterAsync(factory);

        var first = await session.SubmitAsync("/check-ins/new", [new("Input.Threat", "2"), new("Input.Drive", "2"), new("Input.Soothe", "2")]);
        var second = await session.SubmitAsync("/check-ins/new", [new("Input.Threat", "2"), new("Input.Drive", "2"), new("Input.Soothe", "2")]);

        var signOut = await session.SubmitAsync("/account", [], "main form[action='/account/logout']");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("wait a little", await second.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal("/account/login", signOut.Headers.Location?.OriginalString);
    }
}
