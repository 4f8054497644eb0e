using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace InnerAlly.Infrastructure;

public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sign-in, registration and password-reset attempts per address per window.</summary>
    [Range(1, 100_000)]
    public int SignInPermitLimit { get; set; } = 10;

    [Range(1, 86_400)]
    public int SignInWindowSeconds { get; set; } = 60;

    /// <summary>
    /// The language engine's budget for one person a minute, in units of up to 1,000 characters,
    /// shared by POST /api/v1/analysis, saves and pages (Features/Analysis/LanguageBudget).
    /// </summary>
    [Range(1, 100_000)]
    public int AnalysisPerMinute { get; set; } = 120;

    /// <summary>
    /// Changes one signed-in person may make a minute (every POST, PUT, PATCH and DELETE, through
    /// the API and the pages), so one token cannot fill the database. Far above anyone's writing.
    /// </summary>
    [Range(1, 1_000_000)]
    public int WritesPerMinute { get; set; } = 120;
}

/// <summary>Slows down password guessing and mass registration: 429 with Retry-After.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    /// <summary>Marks a POST that only reads (a search sent in the body) or has its own budget, so it is not counted as a change.</summary>
    public static readonly object NotAChange = new();

    public const string TooManyMessage = "There have been several attempts in a short time. For your safety, please wait a little and try again.";

    public static IServiceCollection AddInnerAllyRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignIn, context =>
                // Reading the sign-in page is free; only attempts count.
                HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("read")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ =>
                        {
                            var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                            return new FixedWindowRateLimiterOptions
                            {
                                PermitLimit = options.SignInPermitLimit,
                                Window = TimeSpan.FromSeconds(options.SignInWindowSeconds),
                                QueueLimit = 0,
                            };
                        }));
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.Identity?.IsAuthenticated != true
                || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method)
                || context.GetEndpoint()?.Metadata.Contains(NotAChange) == true
                // Signing out always works.
                || context.Request.Path.StartsWithSegments("/account/logout") || context.Request.Path.StartsWithSegments("/api/v1/account/logout")
                    ? RateLimitPartition.GetNoLimiter("reads")
                    : RateLimitPartition.GetFixedWindowLimiter("writes:" + context.User.GetUserId(), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.WritesPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
            limiter.OnRejected = OnRejectedAsync;
        });
    }

    /// <summary>The API's 429, as the rate limiter itself answers it: problem details and Retry-After.</summary>
    public static ProblemHttpResult TooMany(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = TooManyMessage,
            Extensions = { ["retryAfterSeconds"] = seconds },
        });
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        const string message = TooManyMessage;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = message,
                    Extensions = { ["retryAfterSeconds"] = seconds },
                },
            });
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Please wait a moment - InnerAlly</title><link rel="stylesheet" href="/css/base.css"><link rel="stylesheet" href="/css/layout.css"></head>
            <body><main class="page"><h1>Please wait a moment</h1><p>{message}</p>
            <p>You can try again in about {seconds} seconds. <a href="{System.Net.WebUtility.HtmlEncode(context.Request.Path)}">Go back</a></p></main></body></html>
            """,
            cancellationToken);
    }
}
