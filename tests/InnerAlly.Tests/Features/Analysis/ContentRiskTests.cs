using System.Text.Json.Nodes;
using InnerAlly.Features.Learn;
using InnerAlly.Features.Practices;
using InnerAlly.Language;

namespace InnerAlly.Tests.Features.Analysis;

/// <summary>
/// The app's own words must never bring the support notice (issue 14): a person who answers a
/// prompt, copies an example or keeps a practice's line would otherwise be told they may be at
/// risk for words we wrote. Each text is read in the setting where it is shown.
/// </summary>
public sealed class ContentRiskTests
{
    private static readonly PracticeCatalog Practices = new();


    private static string Content(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Content", .. parts]);

    /// <summary>Every string a writing page shows: prompts, examples, placeholders, labels and page words (not the "note" for clinicians).</summary>
    private static IEnumerable<string> Shown(JsonNode? node) => node switch
    {
        JsonObject o => o.Where(p => p.Key != "note").SelectMany(p => Shown(p.Value)),
        JsonArray a => a.SelectMany(Shown),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static List<(string Where, string Text, TextSetting Setting)> AppTexts()
    {
        var texts = new List<(string, string, TextSetting)>();
        foreach (var (file, setting) in new[]
        {
            ("journal.json", TextSetting.Journal), ("ally-record.json", TextSetting.RecordField),
            ("letter.json", TextSetting.LetterPart), ("letter-variations.json", TextSetting.LetterPart), ("cards.json", TextSetting.Card),
        })
        {
            texts.AddRange(Shown(JsonNode.Parse(File.ReadAllText(Content("Writing", file)))).Select(s => (file, s, setting)));
        }

        foreach (var lesson in new LessonCatalog([Content("Lessons")]).All)
        {
            texts.Add(($"lesson {lesson.Slug}", lesson.Reflection, TextSetting.LessonReflection));
        }

        foreach (var practice in Practices.All)
        {
            texts.AddRange(new[] { practice.Summary, practice.Purpose, practice.WhenToUse, practice.WhenHard }
                .Concat(practice.Steps.Select(s => s.Text))
                .Select(t => ($"practice {practice.Id}", t, TextSetting.PracticeNote)));
        }

        return texts;
    }

    /// <summary>How many of them brought the notice when last measured (2026-12-01); more is a step back.</summary>
    private const int MeasuredNotices = 171;

    private static (int Count, List<string> Raised) Raised()
    {
        var texts = AppTexts();
        var raised = texts
            .Where(t => SharedEngine.Instance.Analyze(t.Text, t.Setting, TestContext.Current.CancellationToken).Risk.Found)
            .Select(t => $"{t.Where} ({t.Setting}): {t.Text}")
            .ToList();
        Assert.True(texts.Count > 150, $"only {texts.Count} texts were found in Content/");
        return (texts.Count, raised);
    }

    /// <summary>Texts written after that measure (issue 15: four practices, four lessons' questions, the letter's kinds and read-back check).</summary>
    private static readonly string[] WrittenSince =
    [
        "letter-variations.json",
        "practice compassionate-voice", "practice compassionate-self-meets-the-critic", "practice compassion-for-the-critic", "practice compassionate-courage",
        "lesson safeness-and-safety", "lesson social-rank-and-shame", "lesson multiple-selves", "lesson fears-blocks-and-resistances",
    ];

    [Fact]
    public void None_of_the_texts_written_since_the_measure_bring_the_notice()
    {
        var texts = AppTexts().Where(t => WrittenSince.Contains(t.Where)).ToList();
        var raised = texts
            .Where(t => SharedEngine.Instance.Analyze(t.Text, t.Setting, TestContext.Current.CancellationToken).Risk.Found)
            .Select(t => $"{t.Where} ({t.Setting}): {t.Text}")
            .ToList();

        Assert.Equal(WrittenSince.Length, texts.Select(t => t.Where).Distinct().Count());
        Assert.True(raised.Count == 0, $"{raised.Count} of {texts.Count} brought the notice:\n" + string.Join("\n", raised));
    }

    [Fact(Skip = "Issue 14 goal, not met on 2026-12-01: 171 of 343 of our own texts bring the notice (docs/language-engine.md)")]
    public void No_prompt_example_placeholder_or_practice_text_brings_the_support_notice()
    {
        var (count, raised) = Raised();

        Assert.True(raised.Count == 0, $"{raised.Count} of {count} brought the notice:\n" + string.Join("\n", raised));
    }

    [Fact]
    public void No_more_of_our_own_texts_bring_the_notice_than_when_last_measured()
    {
        var (count, raised) = Raised();

        Assert.True(raised.Count <= MeasuredNotices, $"{raised.Count} of {count} brought the notice (was {MeasuredNotices}):\n" + string.Join("\n", raised));
    }
}
