using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace InnerAlly.Language.Commands;

/// <summary>The analyze verb: JSON Lines in, one line out per input line, in order, errors per line.</summary>
public static partial class LanguageCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> AnalyzeAsync(TextReader input, TextWriter output, LanguageEngine? engine = null)
    {
        engine ??= SharedEngine.Instance;

        // A reader fills a queue while the engine takes whatever is waiting (up to 64 lines) in one
        // pass: piped files go fast, and a line typed by hand is answered at once.
        var queue = Channel.CreateBounded<string>(256);
        var reading = Task.Run(async () =>
        {
            while (await input.ReadLineAsync() is { } line)
            {
                await queue.Writer.WriteAsync(line);
            }

            queue.Writer.Complete();
        });

        var batch = new List<string>();
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < 64 && queue.Reader.TryRead(out var line))
            {
                batch.Add(line);
            }

            await WriteBatchAsync(engine, batch, output);
        }

        await reading;
        await output.FlushAsync();
        return 0;
    }

    private static async Task WriteBatchAsync(LanguageEngine engine, List<string> lines, TextWriter output)
    {
        var parsed = lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(Parse).ToList();
        var texts = parsed.Where(p => p.Error is null).Select(p => p.Text!).ToList();
        var results = engine.AnalyzeMany(texts);
        var next = 0;
        foreach (var (id, _, error) in parsed)
        {
            JsonObject line;
            if (error is not null)
            {
                line = new JsonObject { ["id"] = id, ["error"] = new JsonObject { ["message"] = error } };
            }
            else
            {
                line = JsonSerializer.SerializeToNode(results[next++], Json)!.AsObject();
                line.Insert(0, "id", id);
            }

            await output.WriteLineAsync(line.ToJsonString());
        }
    }

    private static (JsonNode? Id, string? Text, string? Error) Parse(string line)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (JsonException e)
        {
            return (null, null, "The line is not valid JSON: " + e.Message);
        }

        if (node is not JsonObject obj)
        {
            return (null, null, "Each line must be a JSON object with \"id\" and \"text\".");
        }

        var id = obj["id"]?.DeepClone();
        if (!obj.ContainsKey("id"))
        {
            return (null, null, "The line has no \"id\".");
        }

        if (obj["text"] is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            return (id, null, "\"text\" must be a string.");
        }

        return (id, text, null);
    }
}
