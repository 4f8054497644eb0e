using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InnerAlly.Tests.Infrastructure;

namespace InnerAlly.Tests.Features.Security;

/// <summary>
/// What a request body may carry: each field once, and text without control characters; short
/// labels without direction overrides; and long texts kept as written but shown isolated.
/// </summary>
public sealed class TextInputTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ErrorsOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
    }

    [Theory]
    [InlineData("""{"threat":1,"drive":3,"soothe":2,"threat":9}""", "threat")]
    [InlineData("""{"threat":1,"drive":3,"soothe":2,"note":"a","note":"b"}""", "note")]
    public async Task A_field_sent_twice_is_400_naming_it_and_nothing_is_saved(string body, string field)
    {
        var client = await factory.CreateSignedInApiClientAsync();

        var errors = await ErrorsOfAsync(await client.PostAsync("/api/v1/check-ins", Json(body), Cancel));

        Assert.Contains("more than once", errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/check-ins", Cancel);
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_field_sent_twice_inside_an_object_is_400_naming_it()
    {
        var client = await factory.CreateSignedInApiClientAsync();

        var errors = await ErrorsOfAsync(await client.PostAsync("/api/v1/letters",
            Json("""{"parts":{"acknowledge":"Dear me,","acknowledge":"Hello"}}"""), Cancel));

        Assert.True(errors.TryGetProperty("parts.acknowledge", out _), errors.ToString());
    }

    [Theory]
    [InlineData("/api/v1/check-ins", """{"threat":1,"drive":3,"soothe":2,"note":"before\u0000after"}""", "note")]
    [InlineData("/api/v1/journal-entries", """{"text":"a bell \u0007 rang"}""", "text")]
    [InlineData("/api/v1/journal-entries", """{"text":"fine","tags":["work\u001b[31m"]}""", "tags")]
    [InlineData("/api/v1/ally-cards", """{"text":"kind words\u007f"}""", "text")]
    [InlineData("/api/v1/safety-plan", """{"warningSigns":"late nights\u0085"}""", "warningSigns")]
    public async Task Nul_and_other_control_characters_are_400_naming_the_field(string url, string body, string field)
    {
        var client = await factory.CreateSignedInApiClientAsync();

        var response = url.EndsWith("safety-plan", StringComparison.Ordinal)
            ? await client.PutAsync(url, Json(body), Cancel)
            : await client.PostAsync(url, Json(body), Cancel);

        var errors = await ErrorsOfAsync(response);
        Assert.Contains("control character", errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tabs_and_line_breaks_are_ordinary_text()
    {
        var client = await factory.CreateSignedInApiClientAsync();

        var response = await client.PostAsync("/api/v1/journal-entries", Json("""{"text":"one\ttwo\r\nthree\nfour"}"""), Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("one\ttwo\r\nthree\nfour", (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("\u202Egnikrow")]
    [InlineData("work\u2066")]
    [InlineData("\u200Fhome")]
    public async Task A_tag_with_a_direction_override_is_400(string tag)
    {
        var client = await factory.CreateSignedInApiClientAsync();

        var errors = await ErrorsOfAsync(await client.PostAsJsonAsync("/api/v1/journal-entries", new { text = "A day.", tags = new[] { tag } }, Cancel));

        Assert.Contains("direction", errors.GetProperty("tags")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_direction_override_in_a_long_text_is_kept_and_shown_isolated_on_every_page_that_shows_it()
    {
        var session = await PageBrowser.RegisterAsync(factory);
        const string text = "Before \u202Ethis part runs backwards";
        var saved = await session.SubmitAsync("/journal/new", [new("Input.Text", text)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var detail = saved.Headers.Location!.OriginalString.Split('?')[0];

        foreach (var url in new[] { detail, "/journal" })
        {
            var page = await session.OpenAsync(url);
            var holders = page.QuerySelectorAll("main *").Where(e => e.ChildNodes.Any(n => n.NodeType == AngleSharp.Dom.NodeType.Text && n.TextContent.Contains('\u202E'))).ToList();
            Assert.NotEmpty(holders);
            foreach (var holder in holders)
            {
                // dir="auto" isolates the text (HTML gives [dir] unicode-bidi: isolate), so an override ends with it.
                Assert.True(holder.Closest("[dir], bdi") is { } isolating && isolating != page.DocumentElement && isolating != page.Body,
                    $"{url}: <{holder.LocalName} class='{holder.ClassName}'> shows the text without isolating it.");
            }
        }
    }

    [Fact]
    public async Task A_page_form_with_a_control_character_shows_a_message_beside_the_field_and_saves_nothing()
    {
        var session = await PageBrowser.RegisterAsync(factory);

        var response = await session.SubmitAsync("/check-ins/new",
        [
            new("Input.Threat", "4"), new("Input.Drive", "4"), new("Input.Soothe", "4"), new("Input.Note", "a note\u001b[2Jwith an escape"),
        ]);

        // (A NUL never reaches the page: ASP.NET Core's form reader refuses it with 400 before any binding.)
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageBrowser.ParseAsync(response);
        Assert.Contains("control character", PageBrowser.FieldError(page, "note"), StringComparison.Ordinal);
        var history = await session.OpenAsync("/check-ins");
        Assert.DoesNotContain("with an escape", history.Body!.TextContent, StringComparison.Ordinal);
    }
}
