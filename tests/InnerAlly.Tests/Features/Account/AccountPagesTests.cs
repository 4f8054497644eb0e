using System.Net;
using InnerAlly.Features.Account;
using InnerAlly.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Features.Account;

/// <summary>Which account pages are open to signed-out people, and that every form needs its antiforgery token.</summary>
public sealed class AccountPagesTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private IReadOnlyList<PageActionDescriptor> AccountPageDescriptors() =>
        [.. factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>()
            .Where(p => p.ViewEnginePath.StartsWith("/Account/", StringComparison.Ordinal))];

    [Fact]
    public void Every_page_named_as_anonymous_exists()
    {
        var pages = AccountPageDescriptors().Select(p => p.ViewEnginePath).ToHashSet();

        Assert.All(AccountPages.Anonymous, name => Assert.Contains(name, pages));
    }

    [Fact]
    public void Only_the_sign_in_pages_are_open_to_signed_out_people()
    {
        var open = AccountPageDescriptors()
            .Where(p => p.EndpointMetadata.OfType<IAllowAnonymous>().Any())
            .Select(p => p.ViewEnginePath)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(AccountPages.Anonymous.Order(StringComparer.Ordinal), open);
        Assert.DoesNotContain("/Account/Index", open);
        Assert.DoesNotContain("/Account/ChangePassword", open);
        Assert.DoesNotContain("/Account/TwoFactor", open);
    }

    [Theory]
    [InlineData("/account")]
    [InlineData("/account/change-password")]
    [InlineData("/account/two-factor")]
    public async Task Settings_pages_send_signed_out_people_to_sign_in(string url)
    {
        var response = await factory.CreatePageClient().GetAsync(url, PageBrowser.Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    [InlineData("/account/register-confirmation")]
    [InlineData("/account/confirm-email")]
    public async Task Sign_in_pages_open_for_signed_out_people(string url)
    {
        Assert.Equal(HttpStatusCode.OK, await new PageBrowser(factory.CreatePageClient()).StatusOfAsync(url));
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    public async Task Post_without_the_antiforgery_token_answers_400(string url)
    {
        var client = factory.CreatePageClient();
        await client.GetAsync(url, PageBrowser.Cancel);

        var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = InnerAllyFactory.NewEmail(),
            ["Input.Password"] = InnerAllyFactory.GoodPassword,
            ["Input.ConfirmPassword"] = InnerAllyFactory.GoodPassword,
        }), PageBrowser.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    [InlineData("/account/change-password")]
    [InlineData("/account/two-factor")]
    [InlineData("/account")]
    public async Task Every_input_has_a_label_and_forms_skip_browser_validation(string url)
    {
        var browser = await PageBrowser.RegisterAsync(factory);
        if (url is "/account/login" or "/account/register")
        {
            browser = new PageBrowser(factory.CreatePageClient());
        }

        var page = await browser.OpenAsync(url);

        var inputs = page.QuerySelectorAll("main input:not([type=hidden]):not([hidden]), main select");
        Assert.NotEmpty(inputs);
        Assert.All(inputs, input => Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']")));
        Assert.All(page.QuerySelectorAll("main form").Where(f => f.QuerySelector("input:not([type=hidden])") is not null), f => Assert.True(f.HasAttribute("novalidate")));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }
}
