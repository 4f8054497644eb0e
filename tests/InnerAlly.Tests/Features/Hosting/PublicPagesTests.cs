using System.Net;
using System.Text.RegularExpressions;
using InnerAlly.Infrastructure;
using InnerAlly.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Features.Hosting;

/// <summary>Pages are private unless named public: every page route is walked signed out.</summary>
public sealed partial class PublicPagesTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    [Fact]
    public async Task Every_page_not_named_public_sends_a_signed_out_visitor_to_sign_in()
    {
        var client = factory.CreatePageClient();
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(p => p.Page is not null)
            .ToList();
        Assert.True(pages.Count > 40, $"Only {pages.Count} page routes were found.");

        var open = new List<string>();
        foreach (var (endpoint, page) in pages)
        {
            var url = Fill(endpoint.RoutePattern.RawText!);
            var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            var sentToSignIn = response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal);
            if (!sentToSignIn && !PublicPages.All.Contains(page!.ViewEnginePath))
            {
                open.Add($"{page.ViewEnginePath} ({url}: {(int)response.StatusCode})");
            }
        }

        Assert.True(open.Count == 0, "Reachable signed out without being in PublicPages: " + string.Join(", ", open));
    }

    [Fact]
    public async Task The_public_pages_open_signed_out()
    {
        var client = factory.CreatePageClient();
        foreach (var url in new[] { "/", "/help", "/account/login", "/account/register" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
        }
    }

    /// <summary>"/check-ins/{id:guid}" becomes "/check-ins/&lt;a new guid&gt;", "{kind:regex(...)}" its first choice, "{slug}" a word.</summary>
    private static string Fill(string template) => "/" + Parameter().Replace(template.TrimStart('/'), m =>
        m.Value.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString()
        : m.Value.Contains(":int", StringComparison.Ordinal) ? "404"
        : m.Value.Contains("regex(^(", StringComparison.Ordinal) ? m.Value.Split("regex(^(")[1].Split('|', ')')[0]
        : "something");

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
