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

    [Theory]
    [InlineData("Tomorrow, one walk. That is enough.", TextSetting.LetterPart)]
    [InlineData("Tomorrow I will rest.", TextSetting.LetterPart, Skip = "Issue 14 goal, not met on 2026-12-01: still brings the notice (docs/language-engine.md)")]
    [InlineData("I'm done with this week, time for bed.", TextSetting.Journal, Skip = "Issue 14 goal, not met on 2026-12-01: still brings the notice (docs/language-engine.md)")]
    [InlineData("I won't be here next week, I'm on holiday with friends.", TextSetting.Journal, Skip = "Issue 14 goal, not met on 2026-12-01: still brings the notice (docs/language-engine.md)")]
    [InlineData("I hurt my back at the gym, pulled a muscle.", TextSetting.CheckInNote)]
    [InlineData("I'd kill for a day off.", TextSetting.Journal)]
    [InlineData("I finally ended my gym subscription. Good riddance.", TextSetting.Journal, Skip = "Issue 14 goal, not met on 2026-12-01: still brings the notice (docs/language-engine.md)")]
    [InlineData("I think I am hoping to feel less alone. Had a nice coffee with my sister.", TextSetting.Journal, Skip = "Issue 14 goal, not met on 2026-12-01: still brings the notice (docs/language-engine.md)")]
    [InlineData("A walk with my dog helps.", TextSetting.LessonReflection, Skip = "Issue 14 goal, not met on 2026-12-01: still brings the notice (docs/language-engine.md)")]
    [InlineData("That I will lose my friends.", TextSetting.RecordField, Skip = "Issue 14 goal, not met on 2026-12-01: still brings the notice (docs/language-engine.md)")]
    [InlineData("Going to bed early tonight.", TextSetting.CheckInNote, Skip = "Issue 14 goal, not met on 2026-12-01: still brings the notice (docs/language-engine.md)")]
    [InlineData("Tomorrow is another day.", TextSetting.Journal, Skip = "Issue 14 goal, not met on 2026-12-01: still brings the notice (docs/language-engine.md)")]
    public void The_sentences_the_trial_misread_do_not_bring_the_notice(string text, TextSetting setting)
    {
        var risk = Engine.Instance.Analyze(text, setting, TestContext.Current.CancellationToken).Risk;

        Assert.Equal(RiskCategories.None, risk.Category);
        Assert.NotEqual(RiskLevels.Notice, risk.Level);
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
