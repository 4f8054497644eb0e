using InnerAlly.Features.Learn;
using InnerAlly.Features.Writing;
using InnerAlly.Language;

namespace InnerAlly.Tests.Features.Writing;

/// <summary>
/// The words of the writing pages (Content/Writing) follow CFT-GUIDE section 5: plain enough to read
/// at grade 8 or below, no exclamation marks, nothing that judges, every prompt a question to answer.
/// </summary>
public sealed class WritingContentTests
{
    private static readonly WritingContent Words = new();


    private static readonly string[] Judging = ["you failed", "you missed", "streak", "you should", "you must", "lazy", "weak"];

    private static IEnumerable<(string Where, string Text)> Everything()
    {
        var journal = Words.Journal;
        yield return ("journal intro", journal.Intro);
        yield return ("journal empty", journal.Empty);
        yield return ("journal critic noticed", journal.CriticNoticed);
        foreach (var prompt in journal.Prompts)
        {
            yield return ("journal prompt", prompt);
        }

        var record = Words.Record;
        yield return ("record intro", record.Intro);
        yield return ("record empty", record.Empty);
        foreach (var step in record.Steps)
        {
            yield return ($"record step {step.Id}", step.Prompt);
        }

        foreach (var (trap, words) in record.Analysis.TrapWords)
        {
            yield return ($"trap {trap}", words);
        }

        foreach (var (form, words) in record.Analysis.Forms)
        {
            yield return ($"form {form}", words);
        }

        var letter = Words.Letter;
        yield return ("letter intro", letter.Intro);
        yield return ("letter reread", letter.Reread);
        foreach (var part in letter.Parts)
        {
            yield return ($"letter part {part.Field}", part.Prompt);
        }

        var cards = Words.Cards;
        yield return ("cards intro", cards.HubIntro);
        yield return ("cards empty", cards.Empty);
        yield return ("over time missing", cards.OverTimeMissing);
    }

    [Fact]
    public void Every_file_loads_and_covers_every_step_part_and_trap()
    {
        Assert.Equal(7, Words.Record.Steps.Count);
        Assert.Equal(["acknowledge", "understand", "commonHumanity", "noBlame", "whatWouldHelp", "encouragement", "close"], Words.Letter.Parts.Select(p => p.Field));
        Assert.All(ThinkingTraps.All, t => Assert.False(string.IsNullOrWhiteSpace(Words.Record.Analysis.TrapWords[t])));
        Assert.InRange(Words.Journal.Prompts.Count, 14, 40);
    }

    [Fact]
    public void Journal_prompts_are_questions_and_one_is_suggested_each_day_in_turn()
    {
        var journal = Words.Journal;
        var day = new DateOnly(2026, 11, 26);

        Assert.All(journal.Prompts, p => Assert.EndsWith("?", p, StringComparison.Ordinal));
        Assert.Equal(journal.Prompts.Distinct().Count(), journal.Prompts.Count);
        Assert.Equal((journal.SuggestedFor(day) + 1) % journal.Prompts.Count, journal.SuggestedFor(day.AddDays(1)));
    }

    [Fact]
    public void The_words_are_plain_warm_and_never_judging()
    {
        var all = Everything().ToList();
        foreach (var (where, text) in all)
        {
            Assert.False(text.Contains('!', StringComparison.Ordinal), $"{where} has an exclamation mark: {text}");
            Assert.True(!Judging.Any(j => text.Contains(j, StringComparison.OrdinalIgnoreCase)), $"{where} has judging words: {text}");
            // One short sentence swings the formula a lot, so single texts get some room; the whole reads at grade 8 or below.
            var grade = ReadingLevel.Grade(text);
            Assert.True(grade <= 10, $"{where} reads at grade {grade:0.0}: {text}");
        }

        var whole = ReadingLevel.Grade(string.Join('\n', all.Select(a => a.Text)));
        Assert.True(whole <= 8, $"The writing pages' words read at grade {whole:0.0}.");
    }
}
