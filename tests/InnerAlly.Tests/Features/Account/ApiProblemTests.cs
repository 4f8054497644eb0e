using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Account;

/// <summary>
/// Under /api every failure is problem+json, even for a browser that asks for HTML, and a
/// malformed id or code in an account link is a 400 naming the field.
/// </summary>
public sealed class ApiProblemTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>What a browser sends when a person opens a link.</summary>
    private HttpClient Browser()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return client;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    [Theory]
    [InlineData("/api/v1/account/confirmEmail?userId=x&code=y", "userId")]
    [InlineData("/api/v1/account/confirmEmail?code=y", "userId")]
    [InlineData("/api/v1/account/confirmEmail?userId=0f8fad5b-d9cb-469f-a165-70867728950e&code=%21%21%21", "code")]
    [InlineData("/api/v1/account/confirmEmail?userId=0f8fad5b-d9cb-469f-a165-70867728950e", "code")]
    public async Task A_malformed_confirmation_link_is_400_naming_the_field(string url, string field)
    {
        var problem = await ProblemAsync(await Browser().GetAsync(url, Cancel), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_well_formed_but_wrong_confirmation_link_is_401_problem_json()
    {
        var url = "/api/v1/account/confirmEmail?userId=0f8fad5b-d9cb-469f-a165-70867728950e&code=bm90LWEtY29kZQ";

        await ProblemAsync(await Browser().GetAsync(url, Cancel), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_api_route_is_404_problem_json_for_a_browser_too()
    {
        await ProblemAsync(await Browser().GetAsync("/api/v1/no-such-thing", Cancel), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_wrong_method_is_405_problem_json()
    {
        await ProblemAsync(await Browser().DeleteAsync("/api/v1/account/login", Cancel), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_400_problem_json_for_a_browser_too()
    {
        var response = await Browser().PostAsync("/api/v1/account/login", new StringContent("{not json", new MediaTypeHeaderValue("application/json")), Cancel);

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Manage_endpoints_refuse_the_pages_session_cookie()
    {
        var browser = await PageBrowser.RegisterAsync(factory);
        Assert.Equal(HttpStatusCode.OK, await browser.StatusOfAsync("/check-ins"));

        var info = await browser.Client.GetAsync("/api/v1/account/manage/info", Cancel);
        var change = await browser.Client.PostAsJsonAsync("/api/v1/account/manage/info", new { newEmail = InnerAllyFactory.NewEmail() }, Cancel);
        var twoFactor = await browser.Client.PostAsJsonAsync("/api/v1/account/manage/2fa", new { resetSharedKey = true }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, info.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, twoFactor.StatusCode);
    }
}
