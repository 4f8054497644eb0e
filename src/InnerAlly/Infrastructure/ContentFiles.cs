using System.Text.Json;

namespace InnerAlly.Infrastructure;

/// <summary>Reads the JSON data files in Content/, which operators and clinicians can review and edit.</summary>
internal static class ContentFiles
{
    /// <param name="folder">The folder under Content ("Safety", "Writing").</param>
    /// <param name="check">Throws <see cref="InvalidDataException"/> (given the path) when the file is readable but wrong.</param>
    public static T Read<T>(string folder, string fileName, Action<T, string>? check = null)
        where T : class
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Content", folder, fileName);
        T? content;
        try
        {
            using var stream = File.OpenRead(path);
            content = JsonSerializer.Deserialize<T>(stream, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e);
        }

        if (content is null)
        {
            throw new InvalidDataException($"{path} is empty.");
        }

        check?.Invoke(content, path);
        return content;
    }
}
