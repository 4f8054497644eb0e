using InnerAlly.Language.Text;

namespace InnerAlly.Language.Tests;

public class SentencesTests
{
    [Fact]
    public void Splits_at_sentence_ends_and_line_breaks_keeping_offsets()
    {
        const string text = "Work was long. I'm tired!\nTomorrow is Friday?  Good.";
        var spans = Sentences.Split(text);

        Assert.Equal(["Work was long.", "I'm tired!", "Tomorrow is Friday?", "Good."], spans.Select(s => s.Text));
        Assert.All(spans, s => Assert.Equal(s.Text, text.Substring(s.Start, s.Length)));
    }

    [Fact]
    public void Keeps_decimals_and_dotted_abbreviations_whole()
    {
        var spans = Sentences.Split("I slept 3.5 hours in the U.S.A last night. Then work.");

        Assert.Equal(["I slept 3.5 hours in the U.S.A last night.", "Then work."], spans.Select(s => s.Text));
    }

    [Fact]
    public void Cuts_a_run_on_sentence_into_pieces_of_at_most_forty_words()
    {
        var text = string.Join(' ', Enumerable.Repeat("and then I went", 30)) + " and I want to die";
        var spans = Sentences.Split(text);

        Assert.True(spans.Count >= 3);
        Assert.All(spans, s => Assert.True(s.Text.Split(' ').Length <= Sentences.MaxWords));
        Assert.Contains(spans, s => s.Text.Contains("want to die", StringComparison.Ordinal) || text.Substring(s.Start, s.Length).EndsWith("die", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("... !!! ???")]
    public void Text_without_words_has_no_sentences(string text) => Assert.Empty(Sentences.Split(text));
}
