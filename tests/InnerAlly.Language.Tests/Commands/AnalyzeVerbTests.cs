using System.Text.Json;
using InnerAlly.Language.Commands;

namespace InnerAlly.Language.Tests.Commands;

/// <summary>The analyze verb: JSON Lines in, one line out per input line, in order, errors per line.</summary>
public class AnalyzeVerbTests
{
    private static async Task<List<JsonElement>> RunAsync(string input)
    {
        using var output = new StringWriter();
        var code = await LanguageCommands.AnalyzeAsync(new StringReader(input), output, Engine.Instance);
        Assert.Equal(0, code);
        return [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    [Fact]
    public async Task Each_line_gets_one_answer_in_order_with_its_id()
    {
        var lines = await RunAsync("""
            {"id": 1, "text": "I want to die."}
            {"id": "b", "text": "Lovely walk by the river."}

            {"id": {"n": 3}, "text": "I'm such a failure."}
            """);

        Assert.Equal(3, lines.Count);
        Assert.Equal(1, lines[0].GetProperty("id").GetInt32());
        Assert.Equal("self", lines[0].GetProperty("risk").GetProperty("category").GetString());
        Assert.Equal("b", lines[1].GetProperty("id").GetString());
        Assert.Equal("none", lines[1].GetProperty("risk").GetProperty("category").GetString());
        Assert.Equal(3, lines[2].GetProperty("id").GetProperty("n").GetInt32());
        Assert.True(lines[2].GetProperty("selfCriticism").GetProperty("present").GetBoolean());
    }

    [Fact]
    public async Task A_malformed_line_gets_an_error_for_its_id_and_the_run_goes_on()
    {
        var lines = await RunAsync("""
            {"id": 1, "text": "Fine."}
            this is not json
            {"id": 3}
            {"id": 4, "text": 12}
            [1, 2]
            {"id": 6, "text": "Also fine."}
            """);

        Assert.Equal(6, lines.Count);
        Assert.True(lines[0].TryGetProperty("risk", out _));
        Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("id").ValueKind);
        Assert.Contains("not valid JSON", lines[1].GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, lines[2].GetProperty("id").GetInt32());
        Assert.True(lines[2].TryGetProperty("error", out _));
        Assert.Equal(4, lines[3].GetProperty("id").GetInt32());
        Assert.True(lines[3].TryGetProperty("error", out _));
        Assert.True(lines[4].TryGetProperty("error", out _));
        Assert.Equal(6, lines[5].GetProperty("id").GetInt32());
        Assert.True(lines[5].TryGetProperty("risk", out _));
    }

    [Fact]
    public async Task More_lines_than_one_batch_stay_in_order()
    {
        var input = string.Join('\n', Enumerable.Range(0, 150).Select(i => $$"""{"id": {{i}}, "text": "Day {{i}} was quiet."}"""));

        var lines = await RunAsync(input);

        Assert.Equal(Enumerable.Range(0, 150), lines.Select(l => l.GetProperty("id").GetInt32()));
    }
}
