using System.Net;
using System.Net.Http.Json;
using InnerAlly.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InnerAlly.Tests.Features.Account;

/// <summary>
/// App:PublicUrl: every link in an email is built from it, never from the Host a request carried;
/// other hosts are refused; and with email on, the app does not start without it.
/// </summary>
public sealed class PublicAddressTests(EmailFactory factory) : IClassFixture<EmailFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Loopback passes the host filter, so the request reaches the page with a Host that is not the public one.</summary>
    private const string LoopbackHost = "127.0.0.1:5999";

    private HttpClient ClientFor(string host)
    {
        var client = factory.CreatePageClient();
        client.DefaultRequestHeaders.Host = host;
        return client;
    }

    private static void AssertPublic(string link) =>
        Assert.StartsWith(EmailFactory.PublicUrl + "/", link, StringComparison.Ordinal);

    [Fact]
    public async Task Reset_link_uses_the_public_address_whatever_host_the_request_named()
    {
        var email = InnerAllyFactory.NewEmail();
        (await factory.CreateClient().PostAsJsonAsync("/api/v1/account/register", new { email, password = InnerAllyFactory.GoodPassword }, Cancel)).EnsureSuccessStatusCode();
        factory.WithDb(db => db.Users.Where(u => u.Email == email).ExecuteUpdate(u => u.SetProperty(x => x.EmailConfirmed, true)));
        var browser = new PageBrowser(ClientFor(LoopbackHost));

        var sent = await browser.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        AssertPublic(factory.AbsoluteLinkSentTo(email, "/account/reset-password"));
    }

    [Fact]
    public async Task Confirmation_links_from_the_page_and_the_api_use_the_public_address()
    {
        var pageEmail = InnerAllyFactory.NewEmail();
        var browser = new PageBrowser(ClientFor(LoopbackHost));
        await browser.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = pageEmail,
            ["Input.Password"] = InnerAllyFactory.GoodPassword,
            ["Input.ConfirmPassword"] = InnerAllyFactory.GoodPassword,
        });
        var apiEmail = InnerAllyFactory.NewEmail();
        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Host = LoopbackHost;
        (await api.PostAsJsonAsync("/api/v1/account/register", new { email = apiEmail, password = InnerAllyFactory.GoodPassword }, Cancel)).EnsureSuccessStatusCode();

        AssertPublic(factory.AbsoluteLinkSentTo(pageEmail, "/account/confirm-email"));
        var apiLink = factory.AbsoluteLinkSentTo(apiEmail, "/api/v1/account/confirmEmail");
        AssertPublic(apiLink);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(new Uri(apiLink).PathAndQuery, Cancel)).StatusCode);
    }

    [Theory]
    [InlineData("/account/forgot-password")]
    [InlineData("/health/live")]
    [InlineData("/api/v1/account/manage/info")]
    public async Task A_request_for_another_host_answers_400(string url)
    {
        var response = await ClientFor("evil.example").GetAsync(url, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_public_host_and_loopback_are_served()
    {
        Assert.Equal(HttpStatusCode.OK, (await ClientFor("innerally.example").GetAsync("/health/live", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClientFor(LoopbackHost).GetAsync("/health/live", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ClientFor("localhost").GetAsync("/health/live", Cancel)).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ftp://innerally.example")]
    [InlineData("innerally.example")]
    public async Task With_email_on_the_app_does_not_start_without_a_valid_public_address_and_says_which_setting(string? publicUrl)
    {
        await using var misconfigured = new InnerAllyFactory
        {
            Settings = new Dictionary<string, string?>
            {
                ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "innerally-mail", Guid.NewGuid().ToString("N")),
                ["App:PublicUrl"] = publicUrl,
            },
        };
        await misconfigured.InitializeAsync();

        var failure = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        Assert.Contains("App:PublicUrl", failure.ToString(), StringComparison.Ordinal);
        Assert.IsType<OptionsValidationException>(failure.GetBaseException(), exactMatch: false);
    }
}
