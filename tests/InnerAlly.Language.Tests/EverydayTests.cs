using System.Text.Json;
using InnerAlly.Language.Training;

namespace InnerAlly.Language.Tests;

/// <summary>
/// Ordinary writing must not bring the full support notice (issue 14): the sentences a new user
/// wrote that were misread, and a fixed list of everyday sentences written for this test alone,
/// each in the setting it would be written in, and kept out of Training/.
/// </summary>
public class EverydayTests
{
    /// <summary>At most this share of the everyday sentences may bring the notice (the goal).</summary>
    private const double MostNotices = 0.10;

    private sealed record Everyday(string Text, TextSetting Setting);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private static readonly Lazy<IReadOnlyList<Everyday>> Sentences = new(() =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Everyday", "everyday-sentences.jsonl"))
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonSerializer.Deserialize<Everyday>(l, Json)!)]);

    /// <summary>At most this many of them brought the notice when last measured (2026-12-01); more is a step back.</summary>
    private const int MeasuredNotices = 20;

    private const string NotMetYet = "Issue 14 goal, not met on 2026-12-01: still brings the notice (docs/language-engine.md)";

    /// <summary>The sentences the trial misread, each with whether it was already read right when last measured.</summary>
    private static readonly (string Text, TextSetting Setting, bool ReadRight)[] Misread =
    [
        ("Tomorrow, one walk. That is enough.", TextSetting.LetterPart, true),
        ("Tomorrow I will rest.", TextSetting.LetterPart, false),
        ("I'm done with this week, time for bed.", TextSetting.Journal, false),
        ("I won't be here next week, I'm on holiday with friends.", TextSetting.Journal, false),
        ("I hurt my back at the gym, pulled a muscle.", TextSetting.CheckInNote, true),
        ("I'd kill for a day off.", TextSetting.Journal, true),
        ("I finally ended my gym subscription. Good riddance.", TextSetting.Journal, false),
        ("I think I am hoping to feel less alone. Had a nice coffee with my sister.", TextSetting.Journal, false),
        ("A walk with my dog helps.", TextSetting.LessonReflection, false),
        ("That I will lose my friends.", TextSetting.RecordField, false),
        ("Going to bed early tonight.", TextSetting.CheckInNote, false),
        ("Tomorrow is another day.", TextSetting.Journal, false),
    ];

    /// <summary>One case per sentence; those not yet read right are skipped with the goal named, and counted by the guard below.</summary>
    public static IEnumerable<TheoryDataRow<string, TextSetting>> MisreadSentences =>
        Misread.Select(m => new TheoryDataRow<string, TextSetting>(m.Text, m.Setting) { Skip = m.ReadRight ? null : NotMetYet });

    [Theory]
    [MemberData(nameof(MisreadSentences))]
    public void The_sentences_the_trial_misread_do_not_bring_the_notice(string text, TextSetting setting)
    {
        Assert.False(BringsTheNotice(text, setting));
    }

    [Fact]
    public void No_more_of_the_trials_sentences_bring_the_notice_than_when_last_measured()
    {
        var notices = Misread.Where(m => BringsTheNotice(m.Text, m.Setting)).Select(m => m.Text).ToList();

        Assert.True(notices.Count <= Misread.Count(m => !m.ReadRight), $"{notices.Count} of {Misread.Length} bring the notice:\n" + string.Join("\n", notices));
        Assert.All(Misread.Where(m => m.ReadRight), m => Assert.DoesNotContain(m.Text, notices));
    }

    private static bool BringsTheNotice(string text, TextSetting setting)
    {
        var risk = Engine.Instance.Analyze(text, setting, TestContext.Current.CancellationToken).Risk;
        return risk.Category != RiskCategories.None || risk.Level == RiskLevels.Notice;
    }

    private static List<string> Notices() =>
        [.. Sentences.Value
            .Where(s => Engine.Instance.Analyze(s.Text, s.Setting, TestContext.Current.CancellationToken).Risk.Found)
            .Select(s => $"{s.Setting}: {s.Text}")];

    [Fact(Skip = "Issue 14 goal, not met on 2026-12-01: 20 of 103 (19%) bring the notice (docs/language-engine.md)")]
    public void At_most_one_in_ten_everyday_sentences_brings_the_notice()
    {
        var notices = Notices();

        Assert.True(Sentences.Value.Count >= 100, $"only {Sentences.Value.Count} everyday sentences");
        Assert.True(notices.Count <= MostNotices * Sentences.Value.Count, $"{notices.Count} of {Sentences.Value.Count} brought the notice:\n" + string.Join("\n", notices));
    }

    [Fact]
    public void No_more_everyday_sentences_bring_the_notice_than_when_last_measured()
    {
        var notices = Notices();

        Assert.True(notices.Count <= MeasuredNotices, $"{notices.Count} of {Sentences.Value.Count} brought the notice (was {MeasuredNotices}):\n" + string.Join("\n", notices));
    }

    [Fact]
    public void The_everyday_sentences_are_not_in_the_training_data()
    {
        static string Key(string text) => new([.. text.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
        var training = Engine.LanguageData("Training");
        var trained = LabelledData.Risk(Path.Combine(training, Trainer.RiskFile)).Select(l => l.Text)
            .Concat(LabelledData.SelfCriticism(Path.Combine(training, Trainer.SelfCriticismFile)).Select(l => l.Text))
            .Concat(LabelledData.Traps(Path.Combine(training, Trainer.TrapsFile)).Select(l => l.Text))
            .Concat(LabelledData.SelfCriticism(Path.Combine(training, Trainer.SelfCriticismMoreFile)).Select(l => l.Text))
            .Select(Key).ToHashSet();

        Assert.DoesNotContain(Sentences.Value, s => trained.Contains(Key(s.Text)));
    }

    [Fact]
    public void A_clear_phrase_brings_the_notice_in_every_setting()
    {
        foreach (var setting in Enum.GetValues<TextSetting>())
        {
            var risk = Engine.Instance.Analyze("Dear me, I want to kill myself tonight.", setting, TestContext.Current.CancellationToken).Risk;
            Assert.Equal((RiskCategories.Self, RiskLevels.Notice), (risk.Category, risk.Level));
        }
    }
}
