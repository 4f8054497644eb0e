using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
namespace InnerAlly.Tests.Infrastructure;

/// <summary>
/// A careful browser over HTTP: it keeps cookies, does not follow redirects, and fills in forms
/// the way a person would, with the antiforgery token the page gave it.
/// </summary>
public sealed class PageBrowser(HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync(Cancel));

    /// <summary>Any answer, with the page parsed (for 404s and redirects too).</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetAsync(string url)
    {
        var response = await client.GetAsync(url, Cancel);
        return (response, await ParseAsync(response));
    }

    public static void AssertRedirectsTo(HttpResponseMessage response, string pathStart)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"Expected a redirect, got {(int)response.StatusCode}.");
        Assert.StartsWith(pathStart, response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    public async Task<IHtmlDocument> OpenAsync(string url)
    {
        var response = await client.GetAsync(url, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}, expected 200 ({response.Headers.Location}).");
        return await ParseAsync(response);
    }

    /// <summary>
    /// Opens <paramref name="url"/>, fills the form in the page's main content and sends it. A
    /// field named in <paramref name="fields"/> replaces what the form held under that name; a
    /// name given more than once (checkboxes) is sent once per value.
    /// </summary>
    /// <param name="formSelector">Which form, when the page has more than one (the nav's sign-out form is never chosen).</param>
    public async Task<HttpResponseMessage> SubmitAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string formSelector = "main form") =>
        await SubmitAsync(await OpenAsync(url), url, fields, formSelector);

    /// <summary>
    /// Sends a form of a page opened earlier, as a person does who opened it and then waited; with
    /// <paramref name="button"/>, as that submit button sends it (to its formaction, where it has one).
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, string url, IEnumerable<KeyValuePair<string, string>> fields, string formSelector = "main form", string? button = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form matching '{formSelector}' on {url}.");
        var given = fields.ToList();
        var names = given.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>())
        {
            if ((input.Type is "checkbox" or "radio" && !input.IsChecked) || names.Contains(input.Name!))
            {
                continue;
            }

            values.Add(new(input.Name!, input.Value));
        }

        foreach (var select in form.QuerySelectorAll("select[name]").OfType<IHtmlSelectElement>())
        {
            if (!names.Contains(select.Name!))
            {
                values.Add(new(select.Name!, select.Value ?? string.Empty));
            }
        }

        foreach (var textArea in form.QuerySelectorAll("textarea[name]").OfType<IHtmlTextAreaElement>())
        {
            if (!names.Contains(textArea.Name!))
            {
                values.Add(new(textArea.Name!, textArea.Value));
            }
        }

        values.AddRange(given);
        var pressed = button is null ? null : form.QuerySelector(button) ?? throw new InvalidOperationException($"No button matching '{button}' in the form on {url}.");
        var action = pressed?.GetAttribute("formaction") is { Length: > 0 } f ? f.Split('#')[0]
            : form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        return await client.PostAsync(action, new FormUrlEncodedContent(values), Cancel);
    }

    /// <summary>Registers through the page (email off, so the person is signed in at once).</summary>
    public static async Task<PageBrowser> RegisterAsync(InnerAllyFactory factory, string? email = null, string password = InnerAllyFactory.GoodPassword)
    {
        var browser = new PageBrowser(factory.CreatePageClient());
        var response = await browser.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = email ?? InnerAllyFactory.NewEmail(),
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    public async Task<HttpResponseMessage> SignInAsync(string email, string password, string url = "/account/login") =>
        await SubmitAsync(url, new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public static async Task<PageBrowser> SignInAsync(InnerAllyFactory factory, string email, string password = InnerAllyFactory.GoodPassword)
    {
        var browser = new PageBrowser(factory.CreatePageClient());
        var response = await browser.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    public async Task<HttpStatusCode> StatusOfAsync(string url) => (await client.GetAsync(url, Cancel)).StatusCode;

    /// <summary>The message shown beside a field, checked to be tied to its input for screen readers.</summary>
    public static string? FieldError(IHtmlDocument page, string inputId)
    {
        var error = page.QuerySelector($"#{inputId}-error");
        if (error is null)
        {
            return null;
        }

        var describedBy = page.QuerySelector($"#{inputId}")?.GetAttribute("aria-describedby") ?? string.Empty;
        Assert.Contains($"{inputId}-error", describedBy.Split(' '));
        return error.TextContent.Trim();
    }
}
