using System.Text.Json;
using System.Text.Json.Nodes;

namespace InnerAlly.Tests.Features.Measures;

/// <summary>
/// A made-up definition with the FSCRS's structure (INSTRUMENTS.md): 22 items answered 0-4, three
/// subscale sums and no total, item 9 opening the safety flow. The wording is invented: the real
/// FSCRS is never shipped, only loaded from a clinic's folder.
/// </summary>
internal static class MadeUpInstrument
{
    public const string Code = "made-up-fscrs";

    public static readonly int[] Inadequate = [1, 2, 4, 6, 7, 14, 17, 18, 20];
    public static readonly int[] Hated = [9, 10, 12, 15, 22];
    public static readonly int[] Reassured = [3, 5, 8, 11, 13, 16, 19, 21];

    public static JsonObject Definition() => new()
    {
        ["code"] = Code,
        ["title"] = "Made-up scale with the FSCRS's structure",
        ["shortTitle"] = "Made-up FSCRS",
        ["about"] = "A test instrument: invented statements, real structure.",
        ["stem"] = "When things go wrong for me:",
        ["options"] = Options(("Not at all like me", 0), ("A little like me", 1), ("Moderately like me", 2), ("Quite a bit like me", 3), ("Extremely like me", 4)),
        ["items"] = new JsonArray([.. Enumerable.Range(1, 22).Select(i => (JsonNode)new JsonObject { ["id"] = $"{i}", ["text"] = $"Invented statement number {i}." })]),
        ["subscales"] = new JsonArray(
            Subscale("IS", "Inadequate self", Inadequate, "worse", new JsonObject { ["sd"] = 5, ["reliability"] = 0.5 }),
            Subscale("HS", "Hated self", Hated, "worse", null),
            Subscale("RS", "Reassured self", Reassured, "better", null)),
        ["missing"] = new JsonObject { ["maxMissing"] = 1 },
        ["safetyItems"] = new JsonArray(new JsonObject { ["item"] = "9", ["above"] = 0, ["category"] = "self" }),
        ["licence"] = "Made up for a test; no licence needed.",
        ["attribution"] = "InnerAlly's tests.",
        ["citation"] = "None: this instrument does not exist.",
    };

    public static string Write(string folder, JsonObject? definition = null, string fileName = "made-up-fscrs.json")
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, (definition ?? Definition()).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private static JsonArray Options(params (string Label, int Value)[] options) =>
        new([.. options.Select(o => (JsonNode)new JsonObject { ["value"] = o.Value, ["label"] = o.Label })]);

    private static JsonObject Subscale(string code, string title, int[] items, string higherIs, JsonObject? reliableChange)
    {
        var subscale = new JsonObject
        {
            ["code"] = code,
            ["title"] = title,
            ["method"] = "sum",
            ["higherIs"] = higherIs,
            ["items"] = new JsonArray([.. items.Select(i => (JsonNode)$"{i}")]),
        };
        if (reliableChange is not null)
        {
            subscale["reliableChange"] = reliableChange;
        }

        return subscale;
    }
}
