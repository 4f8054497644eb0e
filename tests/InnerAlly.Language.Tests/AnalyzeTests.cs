namespace InnerAlly.Language.Tests;

public class AnalyzeTests
{
    private static TextAnalysis Analyze(string text) => Engine.Instance.Analyze(text, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("I want to kill myself.", "self")]
    [InlineData("Everyone would be better off if I wasn't here anymore.", "self")]
    [InlineData("I've been cutting my arms again at night.", "self")]
    [InlineData("My dad hits me when he's drunk and I'm scared to go home.", "from_others")]
    [InlineData("my uncle touches me when nobody is there and says its our secret", "from_others")]
    [InlineData("I'm going to hurt him badly when he gets back tonight.", "to_others")]
    public void Risk_is_found_with_its_category_and_evidence(string text, string category)
    {
        var risk = Analyze(text).Risk;

        Assert.Equal(category, risk.Category);
        Assert.InRange(risk.Confidence, 0.5, 1.0);
        Assert.NotEmpty(risk.Evidence);
    }

    [Theory]
    [InlineData("This commute is killing me.")]
    [InlineData("I could murder a pizza right now.")]
    [InlineData("I went to the shop, bought bread and made soup.")]
    public void Ordinary_and_idiomatic_sentences_are_not_risk(string text) =>
        Assert.Equal(RiskCategories.None, Analyze(text).Risk.Category);

    [Fact]
    public void One_risky_sentence_among_ordinary_ones_is_found_and_pointed_at()
    {
        const string text = "Work was long today. The bus was late again. I keep thinking everyone would be better off if I was gone. Then I made tea.";
        var risk = Analyze(text).Risk;

        Assert.Equal(RiskCategories.Self, risk.Category);
        var evidence = Assert.Single(risk.Evidence);
        Assert.Equal("I keep thinking everyone would be better off if I was gone.", evidence.Text);
        Assert.Equal(evidence.Text, text.Substring(evidence.Start, evidence.Length));
    }

    [Fact]
    public void Self_criticism_is_found_with_its_form_and_prompts_for_each_sentence()
    {
        var result = Analyze("I had a nice lunch. I'm so useless, I can never get anything right at work. I hate myself and I'm disgusting.");

        Assert.True(result.SelfCriticism.Present);
        Assert.Equal(2, result.SelfCriticism.Sentences.Count);
        Assert.Equal(SelfCriticismForms.Inadequate, result.SelfCriticism.Sentences[0].Form);
        Assert.Equal(SelfCriticismForms.Hated, result.SelfCriticism.Sentences[1].Form);
        Assert.Equal(2, result.Prompts.Count);
        Assert.All(result.Prompts, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Fear));
            Assert.False(string.IsNullOrWhiteSpace(p.Friend));
        });
    }

    // CFT-GUIDE section 2: a critic that calls you useless and unable to cope is the inadequate
    // self (failure, not measuring up); self-disgust, contempt and wishing harm are the hated self.
    // Issue 14: the first two were read as hated. Neither is in Training/.
    [Theory]
    [InlineData("You are a useless friend", "inadequate")]
    [InlineData("You're useless. Everyone can see you can't cope.", "inadequate")]
    [InlineData("You are revolting and I can't bear the sight of you.", "hated")]
    public void A_critic_speaking_as_you_is_read_in_its_form(string text, string form)
    {
        var selfCriticism = Analyze(text).SelfCriticism;

        Assert.True(selfCriticism.Present);
        Assert.Equal(form, selfCriticism.Form);
        Assert.All(selfCriticism.Sentences, s => Assert.Equal(form, s.Form));
    }

    [Fact]
    public void The_same_sentence_always_gets_the_same_prompts()
    {
        var a = Analyze("I'm such an idiot, I always mess things up.").Prompts;
        var b = Analyze("I'm such an idiot, I always mess things up.").Prompts;

        Assert.Equal(a, b);
    }

    [Fact]
    public void A_kind_sentence_is_not_self_critical_and_has_no_traps()
    {
        var result = Analyze("I made a mistake today, and that's okay; I'll ask for help earlier next time.");

        Assert.False(result.SelfCriticism.Present);
        Assert.Empty(result.Prompts);
    }

    [Theory]
    [InlineData("I should have known better, I must never make mistakes.", "should statements")]
    [InlineData("My friend didn't text back. She must think I'm boring.", "mind reading")]
    [InlineData("I'm such a loser.", "labeling")]
    public void Clear_thinking_traps_come_first(string text, string trap) =>
        Assert.Equal(trap, Analyze(text).ThinkingTraps[0].Trap);

    [Fact]
    public void Another_language_is_flagged_rather_than_called_safe()
    {
        var result = Analyze("No quiero seguir viviendo, nadie me entiende y estoy muy cansada de todo.");

        Assert.False(result.Language.Supported);
        Assert.Equal("language not supported", result.Language.Note);
        Assert.True(result.Risk.Category != RiskCategories.None || result.Risk.Confidence == 0);
    }

    [Fact]
    public void Empty_text_has_nothing()
    {
        var result = Analyze(string.Empty);

        Assert.Equal(RiskCategories.None, result.Risk.Category);
        Assert.False(result.SelfCriticism.Present);
        Assert.Empty(result.ThinkingTraps);
        Assert.Empty(result.Prompts);
    }

    [Fact]
    public void Many_threads_at_once_get_the_same_answers_as_one()
    {
        string[] texts = ["I want to die.", "This commute is killing me.", "I'm such an idiot.", "My dad hits me.", "Lovely walk today."];
        var expected = texts.Select(t => Analyze(t).Risk.Category).ToArray();
        var results = new string[40];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = Analyze(texts[i % texts.Length]).Risk.Category);

        Assert.All(Enumerable.Range(0, results.Length), i => Assert.Equal(expected[i % texts.Length], results[i]));
    }

    [Fact]
    public void Batches_give_the_same_answers_as_single_texts()
    {
        string[] texts = ["I want to die.", "", "I'm such an idiot. I hate myself.", "Lovely walk today."];
        var batch = Engine.Instance.AnalyzeMany(texts, TestContext.Current.CancellationToken);

        for (var i = 0; i < texts.Length; i++)
        {
            var single = Analyze(texts[i]);
            Assert.Equal(single.Risk.Category, batch[i].Risk.Category);
            Assert.Equal(single.SelfCriticism.Sentences.Count, batch[i].SelfCriticism.Sentences.Count);
            Assert.Equal(single.ThinkingTraps.Select(t => t.Trap), batch[i].ThinkingTraps.Select(t => t.Trap));
        }
    }
}
