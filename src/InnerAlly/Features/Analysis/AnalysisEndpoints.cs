using InnerAlly.Language;
using Microsoft.AspNetCore.Antiforgery;

namespace InnerAlly.Features.Analysis;

/// <summary>
/// POST /api/v1/analysis: the language engine on one text, on this server; nothing is stored.
/// Apps send a bearer token; the writing pages' own script (critic-words.js) is signed in by the
/// session cookie and must send the page's antiforgery token, so no other site can spend a person's
/// budget of texts.
/// </summary>
public static class AnalysisEndpoints
{
    public const int MaxTextLength = 20_000;

    public static RouteGroupBuilder MapAnalysis(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/analysis")
            .WithTags("Analysis")
            .RequireAuthorization(HostingExtensions.ApiOrPagePolicy)
            .WithMetadata(RateLimits.NotAChange) // LanguageBudget is its limit
            .AddEndpointFilter(RequirePageTokenForCookies);

        group.MapPost("/", Analyze)
            .WithName("AnalyzeText")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return group;
    }

    private static async ValueTask<object?> RequirePageTokenForCookies(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "This page's form token is missing or out of date. Reload the page; nothing you wrote is lost.",
            });
        }

        return await next(context);
    }

    /// <param name="Text">The words to read, up to 20,000 characters.</param>
    public sealed record Request(string? Text);

    /// <summary>Self-criticism, thinking traps, risk and CFT prompts in a text, worked out on this server; nothing is stored.</summary>
    public static async Task<Results<Ok<TextAnalysis>, ValidationProblem, ProblemHttpResult>> Analyze(Request request, HttpContext http, LanguageBudget budget)
    {
        if (request.Text is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["text is required."] });
        }

        if (request.Text.Length > MaxTextLength)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = $"text is longer than {MaxTextLength:N0} characters.",
                Extensions = { ["errors"] = new Dictionary<string, string[]> { ["text"] = [$"text can be at most {MaxTextLength:N0} characters; this one has {request.Text.Length:N0}."] } },
            });
        }

        // The same budget as the person's saves (LanguageBudget): one unit per started 1,000 characters.
        var person = "user:" + http.User.GetUserId();
        if (!budget.TrySpend(person, request.Text, out var retryAfter))
        {
            return RateLimits.TooMany(http, retryAfter);
        }

        var text = request.Text;
        return TypedResults.Ok(await budget.RunAsync(person, () => SharedEngine.Instance.Analyze(text, http.RequestAborted), http.RequestAborted));
    }
}
