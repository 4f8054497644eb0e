using InnerAlly.Language.Rules;

namespace InnerAlly.Language.Tests;

public class CuesTests
{
    private static readonly Cues Cues = new(RiskLexicon.Load());

    private static float Value(SentenceCues cues, string name) => cues.Values[Cues.FeatureNames.ToList().IndexOf(name)];

    [Theory]
    [InlineData("I want to kill myself.", "self")]
    [InlineData("i dont wanna be alive anymore", "self")]
    [InlineData("I KEEP CUTTING MYSELF", "self")]
    [InlineData("My stepdad hits me when mum is at work.", "from_others")]
    [InlineData("he says its our secret and not to tell", "from_others")]
    [InlineData("I'm going to stab him when he gets home.", "to_others")]
    public void Clear_present_phrases_are_strong_risk(string sentence, string category) =>
        Assert.Equal(category, Cues.Read(sentence).StrongRisk);

    [Theory]
    [InlineData("I don't want to die.")]
    [InlineData("I would never kill myself.")]
    [InlineData("I used to cut myself at school, not for years now.")]
    [InlineData("This commute is killing me.")]
    [InlineData("I could murder a pizza.")]
    public void Negated_past_and_idiomatic_phrases_are_not_strong_risk(string sentence) =>
        Assert.Null(Cues.Read(sentence).StrongRisk);

    [Fact]
    public void Uncertainty_does_not_count_as_negation()
    {
        // "I don't know if I want to live": lean toward help.
        var cues = Cues.Read("I don't know if I want to kill myself or not.");
        Assert.Equal("self", cues.StrongRisk);
    }

    [Fact]
    public void A_lexicon_phrase_inside_an_idiom_is_not_a_hit()
    {
        var idiom = Cues.Read("My feet are killing me after that shift.");
        Assert.Equal(1f, Value(idiom, "idiom"));
        Assert.DoesNotContain(idiom.Constructs, c => c is "active_ideation" or "physical_abuse");
    }

    [Fact]
    public void Negated_lexicon_phrases_are_counted_apart()
    {
        var cues = Cues.Read("I don't want to die, I just want to rest.");
        Assert.Equal(1f, Value(cues, "negated_risk"));
        Assert.DoesNotContain("passive_ideation", cues.Constructs);
    }

    [Theory]
    [InlineData("I should have known better.", "should")]
    [InlineData("I always ruin everything.", "absolute")]
    [InlineData("I'm such a loser.", "label")]
    [InlineData("She thinks I'm boring.", "others_think")]
    [InlineData("It's my fault the team lost.", "my_fault")]
    [InlineData("They only said it to be nice, it was just luck.", "discount")]
    [InlineData("Everyone else has their life sorted.", "compare")]
    [InlineData("I hate myself.", "self_attack")]
    public void Thinking_trap_and_self_attack_cues_are_read(string sentence, string cue) =>
        Assert.Equal(1f, Value(Cues.Read(sentence), cue));
}
