using System.Text.Json.Nodes;
using InnerAlly.Features.Learn;
using InnerAlly.Features.Practices;

namespace InnerAlly.Tests.Features.Learn;

/// <summary>
/// Every word a person reads from Content/ (CFT-GUIDE section 5): practices, the check-in's words,
/// the writing pages, the questionnaires' own words (not their published items), the support
/// messages and the safety plan. Plain enough to read at grade 8 or below, no exclamation marks,
/// nothing that judges. Lessons have their own tests (LessonContentTests).
/// </summary>
public sealed class ContentWordsTests
{
    private static readonly PracticeCatalog Practices = new();


    internal static readonly string[] Judging =
        ["you failed", "you missed", "streak", "you should", "you must", "lazy", "weak"];

    /// <summary>Keys whose values are names for code, not words for a person, or the published wording of a questionnaire.</summary>
    private static readonly HashSet<string> NotWords =
        ["note", "id", "field", "code", "system", "kind", "stem", "citation", "attribution", "licence", "method", "higherIs", "display", "source", "clinical"];

    private static string Content(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Content", .. parts]);

    /// <summary>Each text with whether it is an example, which may quote a harsh critic in its own words.</summary>
    private static IEnumerable<(string Text, bool Quoted)> Words(JsonNode? node, bool quoted = false) => node switch
    {
        JsonObject o => o.Where(p => !NotWords.Contains(p.Key)).SelectMany(p => Words(p.Value, p.Key == "example")),
        JsonArray a => a.SelectMany(n => Words(n, quoted)),
        JsonValue v when v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) => [(s, quoted)],
        _ => [],
    };

    public static TheoryData<string> Files() =>
    [
        Path.Combine("CheckIns", "systems.json"),
        Path.Combine("Writing", "ally-record.json"),
        Path.Combine("Writing", "letter.json"),
        Path.Combine("Writing", "letter-variations.json"),
        Path.Combine("Writing", "journal.json"),
        Path.Combine("Writing", "cards.json"),
        Path.Combine("Measures", "words.json"),
        Path.Combine("Safety", "support-messages.json"),
        Path.Combine("Safety", "safety-plan.json"),
    ];

    private static List<(string Text, bool Quoted)> TextsOf(string file)
    {
        var texts = Words(JsonNode.Parse(File.ReadAllText(Content(file)))).ToList();
        Assert.True(texts.Count > 3, $"only {texts.Count} texts were found in {file}");
        return texts;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_file_reads_plainly_and_never_judges(string file) => AssertPlain(file, TextsOf(file));

    /// <summary>"Deserve" is itself a block to compassion (Lesson 08), so the writing pages never argue it.</summary>
    [Fact]
    public void The_writing_pages_never_tell_a_person_what_they_deserve()
    {
        foreach (var file in Files().Select(f => f.Data).Where(f => f.StartsWith("Writing", StringComparison.Ordinal)))
        {
            Assert.All(TextsOf(file), t => Assert.DoesNotContain("deserve", t.Text, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void The_questionnaires_own_words_read_plainly_leaving_the_published_wording_alone()
    {
        foreach (var path in Directory.GetFiles(Content("Instruments"), "*.json"))
        {
            var instrument = JsonNode.Parse(File.ReadAllText(path))!;
            var ours = new List<string> { instrument["about"]!.GetValue<string>() };
            ours.AddRange(instrument["total"]?["bands"]?.AsArray().Select(b => b?["plain"]?.GetValue<string>()).OfType<string>() ?? []);
            Assert.All(ours, t => Assert.DoesNotContain('!', t));
            Assert.All(ours, t => Assert.True(ReadingLevel.Grade(t) <= 10, $"{Path.GetFileName(path)}: {t}"));
        }
    }

    [Fact]
    public void Every_practice_reads_plainly_and_never_judges()
    {
        foreach (var practice in Practices.All)
        {
            AssertPlain(
                $"practice {practice.Id}",
                [.. new[] { practice.Summary, practice.Purpose, practice.WhenToUse, practice.WhenHard }.Concat(practice.Steps.Select(s => s.Text)).Select(t => (t, false))]);
        }
    }

    private static void AssertPlain(string where, IReadOnlyList<(string Text, bool Quoted)> texts)
    {
        foreach (var (text, quoted) in texts)
        {
            Assert.False(text.Contains('!', StringComparison.Ordinal), $"{where} has an exclamation mark: {text}");
            Assert.True(quoted || !Judging.Any(j => text.Contains(j, StringComparison.OrdinalIgnoreCase)), $"{where} has judging words: {text}");
        }

        // One short sentence swings the formula a lot, so the file as a whole is held to grade 8.
        var whole = ReadingLevel.Grade(string.Join('\n', texts.Select(t => t.Text)));
        Assert.True(whole <= 8, $"{where} reads at grade {whole:0.0}.");
    }
}
