using System.Text.Json;

namespace InnerAlly.Infrastructure;

/// <summary>
/// Validation errors name fields as the JSON the client sent them ("threat", not "Threat"),
/// so an app can put each message beside its field.
/// </summary>
internal static class ProblemFieldNames
{
    public static void UseJsonNames(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is HttpValidationProblemDetails validation && validation.Errors.Count > 0)
        {
            var renamed = validation.Errors.ToDictionary(e => ToJsonName(e.Key), e => e.Value, StringComparer.Ordinal);
            validation.Errors.Clear();
            foreach (var (key, messages) in renamed)
            {
                validation.Errors[key] = messages;
            }
        }
    }

    /// <summary>"Emotions[0].Id" becomes "emotions[0].id".</summary>
    internal static string ToJsonName(string key) =>
        string.Join('.', key.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part)));
}
