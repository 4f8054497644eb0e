using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using InnerAlly.Features.Learn;
using InnerAlly.Features.Safety;
using InnerAlly.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InnerAlly.Tests.Features.Safety;

/// <summary>
/// The support notice shown when what someone shared suggests risk: calm words that name what was
/// noticed, the lines for their country, the emergency number and their safety plan in one tap.
/// The notice is rendered by the real Razor partial and serialised with the API's own JSON settings,
/// through two test-only addresses (<see cref="NoticeFactory"/>), since the places that show it are wired elsewhere.
/// </summary>
public sealed class SupportNoticeTests(NoticeFactory factory) : IClassFixture<NoticeFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <param name="deviceCountry">The country remembered on this device (the help page's cookie), or null.</param>
    private async Task<IHtmlDocument> RenderAsync(string query, string? deviceCountry = "GB", HttpClient? client = null)
    {
        client ??= factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/test/support-notice" + query);
        // An en-US browser is no guess at where someone is: only their choice counts.
        request.Headers.TryAddWithoutValidation("Accept-Language", "en-US");
        if (deviceCountry is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", $"{CrisisLines.CountryCookie}={deviceCountry}");
        }

        var response = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PageBrowser.ParseAsync(response);
    }

    private static string Message(IHtmlDocument notice) =>
        string.Join("\n\n", notice.QuerySelectorAll(".support-message p").Select(p => p.TextContent));

    [Theory]
    [InlineData(SafetySupport.Self, "thinking about hurting yourself, or about ending your life")]
    [InlineData(SafetySupport.FromOthers, "someone may be hurting you, or you may not feel safe where you are")]
    [InlineData(SafetySupport.ToOthers, "worried you could hurt someone else")]
    public async Task Each_category_names_what_was_noticed_in_plain_words_and_asks_nothing_back(string category, string named)
    {
        var notice = await RenderAsync($"?category={category}");

        var message = Message(notice);
        Assert.Equal(category, notice.QuerySelector(".support-notice")!.GetAttribute("data-category"));
        Assert.Contains(named, message, StringComparison.Ordinal);
        Assert.Contains("You do not need to reply or do anything here.", message, StringComparison.Ordinal);
        Assert.Contains("saved just as it is", message, StringComparison.Ordinal);
        Assert.Contains("call 999 or go to your nearest emergency department.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("{emergency}", message, StringComparison.Ordinal);
        // Calm: no exclamation marks, no alarm words, no diagnosis.
        Assert.DoesNotContain('!', message);
        foreach (var alarm in new[] { "warning", "alert", "urgent", "detected", "flagged", "risk", "diagnos", "disorder", "suicidal" })
        {
            Assert.DoesNotContain(alarm, message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Harm_from_others_says_it_is_not_their_fault_that_they_deserve_to_be_safe_in_words_a_child_can_read()
    {
        var message = Message(await RenderAsync($"?category={SafetySupport.FromOthers}"));

        Assert.Contains("That is not your fault.", message, StringComparison.Ordinal);
        Assert.Contains("You deserve to be safe.", message, StringComparison.Ordinal);
        Assert.Contains("a grown-up you trust", message, StringComparison.Ordinal);
        // Short sentences and short words: about the level of a nine-year-old's reading book.
        Assert.True(ReadingLevel.Grade(message) <= 4, $"Reading grade {ReadingLevel.Grade(message):0.0} is too hard for a child.");
    }

    [Theory]
    [InlineData(SafetySupport.Self)]
    [InlineData(SafetySupport.ToOthers)]
    public async Task Other_messages_are_plain_enough_to_read_in_a_hard_moment(string category)
    {
        var message = Message(await RenderAsync($"?category={category}"));

        Assert.True(ReadingLevel.Grade(message) <= 7, $"Reading grade {ReadingLevel.Grade(message):0.0} is too hard for a hard moment.");
    }

    [Fact]
    public async Task The_notice_offers_the_countrys_lines_the_emergency_number_and_the_safety_plan_in_one_tap()
    {
        var notice = await RenderAsync($"?category={SafetySupport.Self}&country=GB", deviceCountry: "AU");

        Assert.Equal("999", notice.QuerySelector(".support-emergency strong")!.TextContent);
        Assert.Contains("United Kingdom", notice.QuerySelector(".support-country")!.TextContent, StringComparison.Ordinal);
        var lines = notice.QuerySelectorAll(".support-lines a.button").Select(a => (a.GetAttribute("aria-label"), a.GetAttribute("href"))).ToList();
        Assert.Contains(("Call Samaritans", "tel:116123"), lines);
        Assert.Contains(("Text Shout", "sms:85258?body=SHOUT"), lines);
        Assert.Contains(("Call NHS 111, option 2", "tel:111"), lines);
        Assert.Contains("or go to your nearest emergency department", Message(notice), StringComparison.Ordinal);
        Assert.Contains("Last checked on 25 November 2026.", notice.QuerySelector(".support-notice")!.TextContent, StringComparison.Ordinal);
        var plan = notice.QuerySelector("a[href='/safety-plan']");
        Assert.NotNull(plan);
        Assert.Equal("Open my safety plan", plan.TextContent.Trim());
        Assert.NotNull(notice.QuerySelector("a[href='/help']"));
    }

    [Theory]
    [InlineData("AU", "Australia", "000")]
    [InlineData("CA", "Canada", "911")]
    public async Task Without_a_country_in_settings_the_one_chosen_on_this_device_decides(string deviceCountry, string country, string emergency)
    {
        var notice = await RenderAsync($"?category={SafetySupport.Self}", deviceCountry);

        Assert.Contains(country, notice.QuerySelector(".support-country")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(emergency, notice.QuerySelector(".support-emergency strong")!.TextContent);
        Assert.Contains($"call {emergency} or go to your nearest emergency department.", Message(notice), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SafetySupport.FromOthers, "GB", new[] { "tel:08001111", "tel:08082000247", "tel:116123" })]
    [InlineData(SafetySupport.FromOthers, "AU", new[] { "tel:1800551800", "tel:1800737732", "tel:131114" })]
    [InlineData(SafetySupport.FromOthers, "US", new[] { "tel:18007997233", "tel:988" })]
    [InlineData(SafetySupport.FromOthers, "DE", new[] { "tel:116111", "tel:08001110111" })]
    [InlineData(SafetySupport.FromOthers, "NO", new[] { "tel:116111", "tel:116123", "tel:22400040" })]
    [InlineData(SafetySupport.Self, "NO", new[] { "tel:116123", "tel:22400040", "tel:116111" })]
    [InlineData(SafetySupport.Self, "GB", new[] { "tel:116123" })]
    public async Task Harm_from_others_offers_the_abuse_and_youth_lines_first(string category, string deviceCountry, string[] firstCalls)
    {
        var notice = await RenderAsync($"?category={category}", deviceCountry);

        var calls = notice.QuerySelectorAll(".support-lines a.button[href^='tel:']").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(firstCalls, calls.Take(firstCalls.Length));
    }

    [Theory]
    [InlineData("?category=self", null, "your local emergency number")]
    [InlineData("?category=self&country=MY", "GB", "999")]
    [InlineData("?category=self", "DK", "112")]
    [InlineData("?category=self", "CN", "120 (ambulance) or 110 (police)")]
    [InlineData("?category=self&country=GF", "GB", "112")]
    public async Task Anywhere_without_lines_gets_its_emergency_number_and_findahelpline(string query, string? deviceCountry, string emergency)
    {
        var notice = await RenderAsync(query, deviceCountry);

        Assert.Null(notice.QuerySelector(".support-country"));
        Assert.Equal(emergency, notice.QuerySelector(".support-emergency strong")!.TextContent);
        Assert.Contains($"call {emergency} or go to your nearest emergency department.", Message(notice), StringComparison.Ordinal);
        Assert.NotNull(notice.QuerySelector("a[href='https://findahelpline.com']"));
        Assert.NotNull(notice.QuerySelector("a[href='/safety-plan']"));
    }

    [Fact]
    public async Task A_category_this_version_does_not_know_still_gets_a_notice_with_general_words()
    {
        var notice = await RenderAsync("?category=self_harm_v2");

        Assert.Contains("things may be very hard right now", Message(notice), StringComparison.Ordinal);
        Assert.NotNull(notice.QuerySelector("a[href='/safety-plan']"));
        Assert.NotEmpty(notice.QuerySelectorAll(".support-lines a.button"));
    }

    [Fact]
    public async Task Nothing_noticed_renders_nothing()
    {
        var response = await factory.CreateClient().GetAsync("/test/support-notice", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", (await response.Content.ReadAsStringAsync(Cancel)).Trim());
    }

    [Fact]
    public async Task The_signed_in_persons_own_country_is_used()
    {
        var client = await factory.CreateClientForNewPersonAsync();
        await client.PutAsJsonAsync("/api/v1/account/preferences", new { timeZone = "Pacific/Auckland", country = "NZ" }, Cancel);

        var notice = await RenderAsync($"?category={SafetySupport.FromOthers}&signedIn=true", deviceCountry: "GB", client: client);

        Assert.Contains("New Zealand", notice.QuerySelector(".support-country")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("call 111 or go to your nearest emergency department.", Message(notice), StringComparison.Ordinal);
        Assert.Equal("tel:0800376633", notice.QuerySelector(".support-lines a.button")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_notice_serialises_for_an_api_response()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/test/support-notice.json?category={SafetySupport.Self}");
        request.Headers.TryAddWithoutValidation("Cookie", $"{CrisisLines.CountryCookie}=US");

        var json = await (await factory.CreateClient().SendAsync(request, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.True(json.GetProperty("triggered").GetBoolean());
        Assert.Equal("self", json.GetProperty("category").GetString());
        Assert.Contains("ending your life", json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("/safety-plan", json.GetProperty("safetyPlanUrl").GetString());
        Assert.Equal("/help", json.GetProperty("helpUrl").GetString());
        var resources = json.GetProperty("resources");
        Assert.Equal("device", resources.GetProperty("chosenBy").GetString());
        Assert.Equal("911", resources.GetProperty("emergency").GetString());
        var country = resources.GetProperty("country");
        Assert.Equal("US", country.GetProperty("code").GetString());
        Assert.Equal("United States", country.GetProperty("name").GetString());
        Assert.Equal("2026-11-25", country.GetProperty("lastVerified").GetString());
        var line = country.GetProperty("lines")[0];
        Assert.Equal("tel:988", line.GetProperty("callHref").GetString());
        Assert.Equal("sms:988", line.GetProperty("textHref").GetString());
        Assert.Equal("https://findahelpline.com", resources.GetProperty("elsewhere").GetProperty("url").GetString());

        var none = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/test/support-notice.json", Cancel);
        Assert.False(none.GetProperty("triggered").GetBoolean());
        Assert.Equal(JsonValueKind.Null, none.GetProperty("message").ValueKind);
        Assert.Equal("/help", none.GetProperty("helpUrl").GetString());
    }
}

/// <summary>
/// The app with two test-only addresses in front of it: /test/support-notice renders the support
/// notice partial for ?category= (and ?country=, or ?signedIn=true to look up the caller's own),
/// and /test/support-notice.json writes the same notice as the API would.
/// </summary>
public sealed class NoticeFactory : InnerAllyFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, NoticeEndpoints>());
    }

    private sealed class NoticeEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/test/support-notice.json", json => json.Run(async context =>
                await context.Response.WriteAsJsonAsync(await NoticeAsync(context), context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions)));
            app.Map("/test/support-notice", html => html.Run(async context =>
            {
                var result = new PartialViewResult
                {
                    ViewName = "/Features/Safety/_SupportNotice.cshtml",
                    ViewData = new ViewDataDictionary<SafetyNotice>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = await NoticeAsync(context) },
                };
                await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
            }));
            next(app);
        };

        private static async Task<SafetyNotice> NoticeAsync(HttpContext context)
        {
            var safety = context.RequestServices.GetRequiredService<SafetySupport>();
            if (context.Request.Query["category"].FirstOrDefault() is not { } category)
            {
                return SafetyNotice.None;
            }

            if (context.Request.Query["signedIn"] == "true")
            {
                // These addresses sit in front of the app's own authentication, so the caller is signed in here.
                context.User = (await context.AuthenticateAsync()).Principal ?? throw new InvalidOperationException("Not signed in.");
                return await safety.NoticeForAsync(category, context, context.RequestServices.GetRequiredService<InnerAlly.Data.AppDbContext>(), context.RequestAborted);
            }

            return safety.NoticeFor(category, context, context.Request.Query["country"].FirstOrDefault());
        }
    }
}
