using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace InnerAlly.Infrastructure;

/// <summary>
/// One place where failures become RFC 9110 problem details. A request the server cannot read
/// (malformed JSON, a value of the wrong type, a missing body) is a 400 naming the field;
/// anything unexpected on the API is a 500 that says nothing about the data involved.
/// Page requests that fail fall through to the friendly error page.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException bad)
        {
            var field = FieldOf(bad);
            httpContext.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new ValidationProblemDetails(new Dictionary<string, string[]>
                {
                    [field] = [MessageFor(bad, field)],
                })
                {
                    Status = bad.StatusCode,
                    Title = "The request could not be read.",
                },
                Exception = exception,
            });
        }

        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        // The exception type and the request path only: messages may quote what a person wrote.
        Log.Unhandled(logger, exception.GetType().FullName, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Something went wrong on our side. Nothing you sent was lost; please try again.",
            },
        });
    }

    /// <summary>
    /// "$.emotions[2]" becomes "emotions", "$.parts.close" stays "parts.close" (as validation names a
    /// field inside an object); a body that is not JSON at all is "body".
    /// </summary>
    internal static string FieldOf(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException { Path: { Length: > 2 } path } && path.StartsWith("$.", StringComparison.Ordinal))
        {
            var name = path[2..];
            var end = name.IndexOf('[', StringComparison.Ordinal);
            return end < 0 ? name : name[..end];
        }

        return "body";
    }

    private static string MessageFor(BadHttpRequestException bad, string field) => bad switch
    {
        // System.Text.Json's words for a property a [JsonUnmappedMemberHandling(Disallow)] type does not have.
        { InnerException: JsonException json } when field != "body" && json.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal)
            => $"'{field}' is not a field this request takes. Check its spelling, and leave out fields the server fills in.",
        { InnerException: JsonException { Message: PlainText.ControlMessage } } => PlainText.ControlMessage,
        { InnerException: JsonException json } when field != "body" && json.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase)
            => $"'{field}' is sent more than once. Send each field once.",
        { InnerException: JsonException } when field != "body" => $"The value of '{field}' could not be read. Check that it has the right type.",
        { InnerException: JsonException } => "The body is not valid JSON.",
        { StatusCode: StatusCodes.Status413PayloadTooLarge } => "The request is too large.",
        _ when bad.Message.Contains("no body was provided", StringComparison.Ordinal) => "A JSON body is required.",
        _ => "The request could not be read.",
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 900, Level = LogLevel.Error, Message = "Unhandled {ExceptionType} on {Path}")]
        public static partial void Unhandled(ILogger logger, string? exceptionType, PathString path);
    }
}
