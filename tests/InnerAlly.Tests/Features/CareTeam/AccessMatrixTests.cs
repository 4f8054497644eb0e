using System.Net.Http.Json;
using InnerAlly.Infrastructure;
using InnerAlly.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InnerAlly.Tests.Features.CareTeam;

/// <summary>
/// Every endpoint the app maps (from its own EndpointDataSource) and every page route, requested as
/// each of ten people: signed out; client A; client B; A's therapist with everything shared; A's
/// therapist with nothing shared; A's therapist after A revoked; A's therapist after the
/// relationship ended; A's therapist after being deactivated; a therapist of another clinic; the
/// clinic's admin. The care team's endpoints each have their expected status per person in
/// <see cref="CareRules"/>, and a new one under their prefixes fails the test until it is added
/// there. Every other endpoint is a person's own: signed out it answers 401 (a page sends to sign-in);
/// addressed at one of A's items it answers A and no one else (404 for all others, or a 400 that
/// cannot tell whether the item exists); and no answer to anyone but A and the therapist A shares
/// with ever holds A's words.
/// </summary>
public sealed partial class AccessMatrixTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public enum Role
    {
        SignedOut,
        ClientA,
        ClientB,
        TherapistAll,
        TherapistNone,
        TherapistRevoked,
        TherapistEnded,
        TherapistDeactivated,
        OtherClinicTherapist,
        ClinicAdmin,
    }

    /// <summary>In A's check-in note and A's writing, which A shares with one therapist.</summary>
    private const string SharedMarker = "ospreyvault";

    /// <summary>In every other thing A wrote: what no category shares, and the journal entry and card A keeps private.</summary>
    private const string PrivateMarker = "wrenlatch";

    /// <summary>In the session note A's therapist (with everything) wrote about A: the clinic's record, which only its author reads here (the clinic keeps no shared record).</summary>
    private const string NoteMarker = "heronquill";

    private static readonly string[] CarePrefixes = ["/api/v1/caseload", "/api/v1/care-team", "/api/v1/invitations", "/api/v1/clinics", "/api/v1/session-notes", "/api/v1/messages", "/caseload", "/care-team", "/clinic", "/session-notes", "/messages"];

    [Fact]
    public async Task Every_endpoint_and_page_answers_each_person_as_the_one_sharing_rule_says()
    {
        var world = await WorldAsync();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var routes = endpoints
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Endpoint: e, Page: false)))
            .Concat(endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null).Select(e => (Method: "GET", Endpoint: e, Page: true)))
            .Select(r => (r.Method, Template: "/" + r.Endpoint.RoutePattern.RawText!.Trim('/'), r.Page, Anonymous: r.Page
                ? PublicPages.All.Contains(r.Endpoint.Metadata.GetMetadata<PageActionDescriptor>()!.ViewEnginePath)
                : r.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || r.Endpoint.Metadata.GetMetadata<IAuthorizeData>() is null))
            .DistinctBy(r => (r.Method, r.Template, r.Page))
            // Static files (the stylesheets, scripts and icons, each with its fingerprinted and compressed copies) are served to all alike.
            .Where(r => r.Method != "HEAD" && !StaticFile().IsMatch(r.Template))
            .ToList();
        Assert.True(routes.Count(r => !r.Page) > 80 && routes.Count(r => r.Page) > 40, $"Only {routes.Count} routes were found.");

        var failures = new List<string>();
        var rules = CareRules(world);
        var careKeys = routes.Where(r => CarePrefixes.Any(p => r.Template == p || r.Template.StartsWith(p + "/", StringComparison.Ordinal))).Select(Key).ToList();
        failures.AddRange(careKeys.Where(k => !rules.ContainsKey(k)).Select(k => $"{k} is a care team route with no row in the matrix: add it to CareRules."));
        failures.AddRange(rules.Keys.Where(k => !careKeys.Contains(k)).Select(k => $"{k} is in the matrix but the app has no such route."));

        foreach (var route in routes)
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                var (path, expected) = rules.TryGetValue(Key(route), out var rule)
                    ? (rule.Path(role), rule.Expected(role))
                    : OwnRule(world, route.Method, route.Template, route.Anonymous, role);
                if (path is null)
                {
                    continue;
                }

                var client = route.Page ? world.Pages[role] : world.Api[role];
                using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
                if (route.Method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = route.Page ? new FormUrlEncodedContent([]) : JsonContent.Create(rule?.Body ?? new { });
                }

                var response = await client.SendAsync(request, Cancel);
                var body = await response.Content.ReadAsStringAsync(Cancel);
                var status = (int)response.StatusCode;
                var signedInPageAsked = route.Page && role == Role.SignedOut && status == 302 && response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal);
                if (expected is { } want && status != want && !(want == 401 && signedInPageAsked)
                    && !(want == StatusNot2xx && status is >= 400 and < 500 and not 401 and not 403)
                    && !(want == NotRefused && status is not (401 or 403) and < 500))
                {
                    failures.Add($"{route.Method} {path} as {role}: {status}, expected {want switch { StatusNot2xx => "400 or 404", NotRefused => "not 401 or 403", _ => want.ToString(System.Globalization.CultureInfo.InvariantCulture) }}");
                }

                if (status >= 500)
                {
                    failures.Add($"{route.Method} {path} as {role}: {status}");
                }

                if (role != Role.ClientA && body.Contains(PrivateMarker, StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{route.Method} {path} as {role}: the answer holds A's private words");
                }

                if (role is not (Role.ClientA or Role.TherapistAll) && body.Contains(SharedMarker, StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{route.Method} {path} as {role}: the answer holds A's shared words");
                }

                if (role != Role.TherapistAll && body.Contains(NoteMarker, StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{route.Method} {path} as {role}: the answer holds the words of a session note its author alone may read");
                }
            }
        }

        // A's own data is all still there: no request by anyone else changed it.
        var mine = await world.Api[Role.ClientA].GetStringAsync("/api/v1/account/export", Cancel);
        foreach (var kept in new[] { $"Note {SharedMarker}.", $"Today: {PrivateMarker}.", $"Card {PrivateMarker}." })
        {
            if (!mine.Contains(kept, StringComparison.Ordinal))
            {
                failures.Add($"A's \"{kept}\" is gone after the matrix ran.");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} answers broke the rule:\n" + string.Join("\n", failures));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^/[^{]*\.[a-z0-9]+$")]
    private static partial System.Text.RegularExpressions.Regex StaticFile();

    private static string Key((string Method, string Template, bool Page, bool Anonymous) route) => $"{(route.Page ? "PAGE" : route.Method)} {route.Template}";

    /// <summary>Expected: anything but 401, 403 or a server error (a signed-in person's own page or answer, whatever state it is in).</summary>
    private const int NotRefused = -2;

    /// <summary>Expected: any 4xx but 401 and 403 (a 400 for a body the endpoint refuses, which says nothing of whether A's item exists, or a 404).</summary>
    private const int StatusNot2xx = -1;

    /// <summary>A person's own endpoint, addressed at A's items where it takes an id.</summary>
    private static (string? Path, int? Expected) OwnRule(World world, string method, string template, bool anonymous, Role role)
    {
        var (path, aimsAtA) = world.Fill(template);
        if (anonymous)
        {
            // Open to all: only the words in the answers are checked (above); a write is not sent.
            return (method == "GET" ? path : null, null);
        }

        if (role == Role.SignedOut)
        {
            return (path, 401);
        }

        if (method != "GET")
        {
            // A write to one of A's items by anyone else must change nothing; A's own writes are not sent, nor writes that address no one's item.
            return aimsAtA && role != Role.ClientA ? (path, StatusNot2xx) : (null, null);
        }

        if (!aimsAtA)
        {
            // A read of one's own: signed in, anyone gets their own answer (checked for A's words above).
            return (path, NotRefused);
        }

        return (path, role == Role.ClientA ? 200 : 404);
    }
}
