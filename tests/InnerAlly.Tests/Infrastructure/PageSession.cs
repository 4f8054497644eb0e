using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace InnerAlly.Tests.Infrastructure;

/// <summary>A person using the pages: cookies kept, redirects visible, forms posted with their antiforgery token.</summary>
public sealed class PageSession(HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client { get; } = client;

    /// <summary>Registers through the API and signs in with a cookie, the way the sign-in page does.</summary>
    public static async Task<PageSession> SignedInAsync(InnerAllyFactory factory, string? email = null, string password = InnerAllyFactory.GoodPassword)
    {
        email ??= InnerAllyFactory.NewEmail();
        var client = factory.CreatePageClient();
        (await client.PostAsJsonAsync("/api/v1/account/register", new { email, password })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/account/login?useCookies=true", new { email, password })).EnsureSuccessStatusCode();
        return new PageSession(client);
    }

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return (response, Parser.ParseDocument(html));
    }

    /// <summary>Fetches the page, takes its (first, or matching) form's token, and posts the given fields.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string formSelector = "main form[method=post]")
    {
        var (_, document) = await GetAsync(url);
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}.");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"The form on {url} has no antiforgery token.");
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        var all = fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        return await Client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    public static void AssertRedirectsTo(HttpResponseMessage response, string pathStart)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Expected a redirect, got {(int)response.StatusCode}.");
        Assert.StartsWith(pathStart, response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
