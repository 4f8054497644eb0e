using InnerAlly.Language.Rules;

namespace InnerAlly.Language.Tests;

/// <summary>How a line of Resources/Cues is read: whole words, ~ to run into a word, {part} for a shared list.</summary>
public class CuePatternsTests
{
    [Theory]
    [InlineData(" i feel sad today ", true)]
    [InlineData(" a sadness came over me ", false)]
    [InlineData(" sad ", true)]
    public void A_plain_line_matches_whole_words_only(string joined, bool expected) =>
        Assert.Equal(expected, CuePatterns.Emotion.IsMatch(joined));

    [Fact]
    public void A_tilde_at_the_end_lets_the_match_run_into_the_word()
    {
        // idiom.txt has "deadline~" and "dead (tired|...)" without one.
        Assert.Matches(CuePatterns.Idiom, " three deadlines this week ");
        Assert.Matches(CuePatterns.Idiom, " dead tired ");
        Assert.DoesNotMatch(CuePatterns.Idiom, " dead tiredness ");
    }

    [Fact]
    public void A_tilde_at_the_start_lets_the_match_begin_inside_a_word()
    {
        // feeling-as-fact.txt has "~if i feel~".
        Assert.Matches(CuePatterns.FeelingAsFact, " what if i feel worse ");
        Assert.Matches(CuePatterns.FeelingAsFact, " whatif i feel ");
    }

    [Theory]
    [InlineData(" you're a total loser ", true)]
    [InlineData(" i'm such a bad friend ", true)]
    [InlineData(" she is a friend ", false)]
    public void A_part_in_braces_stands_for_its_list(string joined, bool expected) =>
        Assert.Equal(expected, CuePatterns.Label.IsMatch(joined));

    [Fact]
    public void The_idiom_match_keeps_the_spaces_that_frame_it()
    {
        var match = CuePatterns.Idiom.Match(" i am dead tired now ");

        Assert.Equal(" dead tired ", match.Value);
        Assert.Equal(5, match.Index);
    }
}
