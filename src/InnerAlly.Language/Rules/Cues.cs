using System.Text.RegularExpressions;
using InnerAlly.Language.Text;

namespace InnerAlly.Language.Rules;

/// <summary>
/// Hand-written cues for one sentence: lexicon hits that are not negated and not part of an idiom,
/// whether it speaks of the past or of now, and the surface signs of thinking traps and
/// self-attack. They become extra inputs beside the sentence embedding, so the trained heads
/// learn how much each one counts; only the strong risk phrases also act on their own
/// (<see cref="SentenceCues.StrongRisk"/>), because missing a disclosure is the worst error.
/// </summary>
public sealed partial class Cues(RiskLexicon lexicon)
{
    private static readonly string[] CueNames =
    [
        "negated_risk", "past", "present", "idiom", "first_person", "other_person", "intent",
        "strong_self", "strong_from_others", "strong_to_others",
        "should", "absolute", "label", "future", "others_think", "feeling_as_fact", "my_fault",
        "discount", "catastrophe", "compare", "blame_other", "emotion", "question",
        "self_attack", "not_enough", "kind_to_self",
    ];

    public IReadOnlyList<string> FeatureNames { get; } = [.. lexicon.Constructs.Select(c => "lex_" + c), .. CueNames];

    public RiskLexicon Lexicon => lexicon;

    public SentenceCues Read(string sentence)
    {
        var tokens = Tokens.Of(sentence);
        var joined = " " + string.Join(' ', tokens.Select(t => t.Word)) + " ";
        var idioms = Idiom().Matches(joined);
        var values = new float[FeatureNames.Count];
        var constructHits = new List<string>();
        var negated = 0;

        foreach (var hit in lexicon.Matcher.Find(tokens))
        {
            if (InsideIdiom(tokens, hit, idioms, joined))
            {
                continue;
            }

            if (IsNegated(tokens, hit.First))
            {
                if (RiskConstructs.Contains(hit.List))
                {
                    negated++;
                }

                continue;
            }

            var index = IndexOfConstruct(hit.List);
            values[index] = 1f;
            constructHits.Add(hit.List);
        }

        var n = lexicon.Constructs.Count;
        var strongSelf = IsStrong(joined, StrongSelf());
        var strongFrom = IsStrong(joined, StrongFromOthers());
        var strongTo = IsStrong(joined, StrongToOthers());
        bool[] cues =
        [
            negated > 0, Past().IsMatch(joined), Present().IsMatch(joined), idioms.Count > 0,
            FirstPerson().IsMatch(joined), OtherPerson().IsMatch(joined), Intent().IsMatch(joined),
            strongSelf, strongFrom, strongTo,
            Should().IsMatch(joined), Absolute().IsMatch(joined), Label().IsMatch(joined), Future().IsMatch(joined),
            OthersThink().IsMatch(joined), FeelingAsFact().IsMatch(joined), MyFault().IsMatch(joined),
            Discount().IsMatch(joined), Catastrophe().IsMatch(joined), Compare().IsMatch(joined),
            BlameOther().IsMatch(joined), Emotion().IsMatch(joined), sentence.TrimEnd().EndsWith('?'),
            SelfAttack().IsMatch(joined), NotEnough().IsMatch(joined), KindToSelf().IsMatch(joined),
        ];
        for (var i = 0; i < cues.Length; i++)
        {
            values[n + i] = cues[i] ? 1f : 0f;
        }

        // Said with "not", about the past only, or as a figure of speech: the model's reading of
        // the words is softened (not ignored) unless a risk phrase stands outside that frame.
        var riskHit = constructHits.Any(RiskConstructs.Contains);
        var past = cues[1] && !cues[2];
        var softened = (negated > 0 && !riskHit) || past || (idioms.Count > 0 && !riskHit);

        var strong = strongSelf && !StrongSelfIsPast(joined) ? RiskCategories.Self
            : strongFrom ? RiskCategories.FromOthers
            : strongTo ? RiskCategories.ToOthers
            : null;
        return new SentenceCues(values, constructHits, strong, softened, cues[5] || Someone().IsMatch(joined));
    }

    private int IndexOfConstruct(string construct)
    {
        for (var i = 0; i < lexicon.Constructs.Count; i++)
        {
            if (lexicon.Constructs[i] == construct)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Unknown construct {construct}.");
    }

    /// <summary>Whether a lexicon construct names risk itself (ideation, means, self-injury, abuse), not a mood around it.</summary>
    public static bool IsRiskConstruct(string construct) => RiskConstructs.Contains(construct);

    private static readonly HashSet<string> RiskConstructs = new(StringComparer.Ordinal)
    {
        "passive_ideation", "active_ideation", "lethal_means", "self_injury", "other_suicidal",
        "sexual_abuse", "physical_abuse", "bullying",
    };

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "not", "never", "no", "nobody", "don't", "doesn't", "didn't", "won't", "wouldn't", "isn't", "aren't",
        "wasn't", "weren't", "haven't", "hasn't", "hardly", "nor", "neither", "ain't",
    };

    // "I don't know if I want to live" is not a negation of the wish; lean toward help.
    private static readonly HashSet<string> Uncertain = new(StringComparer.Ordinal)
    {
        "know", "sure", "if", "whether", "think", "care", "mind", "see", "why",
    };

    private static bool IsNegated(IReadOnlyList<Token> tokens, int first)
    {
        for (var k = first - 1; k >= 0 && k >= first - 4; k--)
        {
            if (Uncertain.Contains(tokens[k].Word) || tokens[k].Word is "but" or "and" or "just")
            {
                return false;
            }

            if (Negators.Contains(tokens[k].Word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InsideIdiom(IReadOnlyList<Token> tokens, PhraseMatcher.Hit hit, MatchCollection idioms, string joined)
    {
        if (idioms.Count == 0)
        {
            return false;
        }

        // Character offsets of the hit inside the joined, space-separated words.
        var start = 1;
        for (var i = 0; i < hit.First; i++)
        {
            start += tokens[i].Word.Length + 1;
        }

        var end = start;
        for (var i = hit.First; i < hit.First + hit.Count; i++)
        {
            end += tokens[i].Word.Length + 1;
        }

        return idioms.Any(m => m.Index < end && start < m.Index + m.Length) && joined.Length > 0;
    }

    /// <summary>The strong phrase is there and the four words before it do not negate it.</summary>
    private static bool IsStrong(string joined, Regex strong)
    {
        var m = strong.Match(joined);
        if (!m.Success)
        {
            return false;
        }

        var before = joined[..m.Index].Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(4).ToList();
        var cut = before.FindLastIndex(w => Uncertain.Contains(w) || w is "but" or "and");
        return !before.Skip(cut + 1).Any(Negators.Contains);
    }

    private static bool StrongSelfIsPast(string joined) =>
        Past().IsMatch(joined) && !Present().IsMatch(joined);

    [GeneratedRegex(@" (kill(ing)? myself|end(ing)? (my|it) (life|all)|end it all|take my (own )?life|suicid\w*|want(ed)? to die|wanna die|wish i (was|were) dead|better off dead|better off without me|not (want to|wanting to) (be alive|live|wake up)|don't want to (be alive|live|wake up|be here)|never wake up|not wake up|overdos\w*|cut(ting)? (myself|my wrists?|my arms?|my legs?)|hurt(ing)? myself|harm(ing)? myself|self ?harm\w*|burn(ing|ed)? myself|hang(ing)? myself|jump(ing)? (off|in front)|no reason to live|can't (go on|do this anymore)|say(ing)? goodbye|(wrote|writing|write) (a|my) (suicide )?note|how many pills)", RegexOptions.CultureInvariant)]
    private static partial Regex StrongSelf();

    [GeneratedRegex(@" ((he|she|they|dad|mum|mom|stepdad|stepmum|uncle|brother|boyfriend|girlfriend|husband|wife|partner|teacher|coach|carer|son|daughter) (hits?|hit|beats?|beat|punch\w*|kick\w*|chok\w*|strangl\w*|slaps?|slapped|touch\w*|rap\w*|hurts?|threaten\w*|burn\w*|lock\w*|forces?|forced) (me|my)|rap(e|ed) me|molest\w*|sexually (abus|assault)\w*|abus(es|ed|ing) me|touch(es|ed)? me (down|there|where|when|at night)|not safe at home|scared to go home|afraid to go home|threaten\w* to (kill|hurt) me|says? (it's|its) our secret|said not to tell|won't let me (leave|see|out))", RegexOptions.CultureInvariant)]
    private static partial Regex StrongFromOthers();

    [GeneratedRegex(@" ((want|going|plan(ning)?|gonna|about) to (kill|stab|shoot|hurt|strangle|murder) (him|her|them|my|that|everyone|people)|(kill|stab|shoot|murder) (him|her|them|everyone) (tonight|tomorrow|when|if|and)|bring (a|my) (gun|knife) to)", RegexOptions.CultureInvariant)]
    private static partial Regex StrongToOthers();

    [GeneratedRegex(@" (is|are|was|were|'s|'re) killing me | (could|would|i'd) (murder|kill|die) (a|an|for|some) | (kill|murder|strangle|throttle|shoot) (the|that|this) (printer|spider|wasp|fly|laptop|computer|alarm|router) | (nearly|almost|literally) died | died (of|from) (laughing|embarrassment|shame|boredom|cringe)| dying (to|for|of) | to die for | kill(ing|ed)? (it|time|the (mood|vibe|lights|engine)) | dead (tired|beat|serious|on my feet|easy|set|gorgeous) | deadline| killer (workout|app|heels|game|view)| slay(ed)? | shoot me (a|an) | cut (corners|my losses|my hair|the cake|back|it out|class) | hang(ing)? (out|in there|on) | blow(ing)? off steam| over my dead body| (will|would|gonna|going to) kill me (if|when|for) | bomb(ed)? (the|my|that) (exam|test|interview|quiz) | (phone|battery|laptop|car|plant|plants|charger) (is |was )?(dead|died) | knock (them|em|'em) dead", RegexOptions.CultureInvariant)]
    private static partial Regex Idiom();

    [GeneratedRegex(@" (used to|years ago|months ago|when i was|back when|back then|in the past|no longer|not anymore|not any more|for years now|as a (kid|teenager|teen|child)|in my (teens|twenties)|at school|recovered|clean for|since then|at the time|not for (years|months|a long time)|that was (then|years)|haven't (done|felt|cut|thought) \w+ (in|for)) ", RegexOptions.CultureInvariant)]
    private static partial Regex Past();

    [GeneratedRegex(@" (still|again|(?<!(years|months|ages|not|than|by|until|from) )now|lately|these days|right now|tonight|today|this week|keep|keeps|every day|every night|tomorrow|currently) ", RegexOptions.CultureInvariant)]
    private static partial Regex Present();

    [GeneratedRegex(@" (i|me|my|myself|i'm|i've|i'll|i'd|mine) ", RegexOptions.CultureInvariant)]
    private static partial Regex FirstPerson();

    [GeneratedRegex(@" (he|she|they|him|her|them|his|their|dad|mum|mom|father|mother|stepdad|uncle|boyfriend|girlfriend|husband|wife|partner|boss|teacher) ", RegexOptions.CultureInvariant)]
    private static partial Regex OtherPerson();

    [GeneratedRegex(@" (someone|somebody|anyone|anybody|everyone|everybody|people|the (baby|kids|children|man|woman|boy|girl|neighbours?)|my (baby|kids|children|son|daughter|brother|sister|neighbours?|colleague|flatmate)) ", RegexOptions.CultureInvariant)]
    private static partial Regex Someone();

    [GeneratedRegex(@" (going to|gonna|plan|planning|tonight|tomorrow|decided|ready to|when everyone|bought|stockpil\w*|saved up|have a plan) ", RegexOptions.CultureInvariant)]
    private static partial Regex Intent();

    [GeneratedRegex(@" (should|shouldn't|should've|must|mustn't|ought|supposed to|have to|has to|had to|need to|needs to|got to|expected to) ", RegexOptions.CultureInvariant)]
    private static partial Regex Should();

    [GeneratedRegex(@" (always|never|every time|everyone|everybody|nobody|no one|nothing|everything|all the time|constantly|forever|any ?thing right|every single|completely|totally|perfect|perfectly|entirely|at all|100) ", RegexOptions.CultureInvariant)]
    private static partial Regex Absolute();

    [GeneratedRegex(@" ((i'm|i am|im|he's|she's|he is|she is|they're|you're|what) (such )?(an? |such an? |the )?(total |complete |absolute |utter |massive |big )?(loser|idiot|failure|moron|jerk|fool|mess|fraud|disaster|joke|waste|burden|disappointment|coward|hypocrite|nobody|freak|weirdo|slob|lazy|useless|worthless|pathetic|stupid|incompetent|selfish|hopeless|terrible|bad (mother|father|mum|dad|parent|friend|person|wife|husband))) ", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(@" (will|'ll|i'll|won't|going to|gonna|never going to|is going to|are going to|bound to|definitely|probably) ", RegexOptions.CultureInvariant)]
    private static partial Regex Future();

    [GeneratedRegex(@" ((thinks?|thought|must think|probably think|bet (he|she|they)) (i'm|i am|i|that i|me)|judging me|judge me|look(s|ed)? down on me|laughing at me|talking about me|sees? me as|can tell (i|that)|hates me|doesn't like me|don't like me|annoyed with me|mad at me|sick of me|bored of me|noticed (i|my)) ", RegexOptions.CultureInvariant)]
    private static partial Regex OthersThink();

    [GeneratedRegex(@" (i feel|feel|feels|feeling) (like )?(a |an |so |such a )?\w+ (so|therefore|which means|that means|it means|it must|i must|so i must|so it must)|(i feel|feel) (it|that) (must|means)|if i feel| feel(s)? like (a|an) (failure|fraud|idiot|loser|burden) ", RegexOptions.CultureInvariant)]
    private static partial Regex FeelingAsFact();

    [GeneratedRegex(@" (my fault|because of me|i caused|i ruined|i made (him|her|them|it|everyone)|blame myself|i let (him|her|them|everyone) down|if only i|i should have (stopped|known|seen|noticed)|i'm responsible|i am responsible|my responsibility) ", RegexOptions.CultureInvariant)]
    private static partial Regex MyFault();

    [GeneratedRegex(@" (only because|just because|just luck|pure luck|was luck|got lucky|doesn't count|don't count|didn't count|just being nice|only being nice|being polite|anyone could|fluke|doesn't mean anything|means nothing|not a big deal|didn't really|they had to say) ", RegexOptions.CultureInvariant)]
    private static partial Regex Discount();

    [GeneratedRegex(@" (disaster|ruined|ruin|end of the world|never recover|worst|catastroph\w*|terrible|horrible|over for me|my life is over|lose (my job|everything)|fired|homeless|die alone|everything will fall apart|fall apart|destroyed|can't cope|unbearable|nightmare) ", RegexOptions.CultureInvariant)]
    private static partial Regex Catastrophe();

    [GeneratedRegex(@" (than me|better than|worse than|everyone else|everybody else|other people|others (have|are|seem)|compared to|compare|like them|as good as|my friends all|all my friends|their perfect|while i|and i'm still|and i still) ", RegexOptions.CultureInvariant)]
    private static partial Regex Compare();

    [GeneratedRegex(@" (because of (him|her|them|my (boss|husband|wife|partner|parents|mum|mom|dad|teacher))|(his|her|their) fault|they made me|(he|she|they) made me|made me feel|ruined my|it's (his|her|their) fault|thanks to (him|her|them)|never (let|lets) me|blame (him|her|them|my)) ", RegexOptions.CultureInvariant)]
    private static partial Regex BlameOther();

    [GeneratedRegex(@" (feel|feeling|felt|anxious|anxiety|sad|depressed|lonely|alone|scared|afraid|overwhelmed|angry|upset|hurt|miserable|stressed|nervous|panic|panicking|ashamed|guilty|empty|numb|hopeless|worried|exhausted|crying|cry) ", RegexOptions.CultureInvariant)]
    private static partial Regex Emotion();

    [GeneratedRegex(@" (hate myself|hate who i am|hate me|disgust(ed|ing)? (myself|me)|i disgust|despise myself|loathe myself|can't stand (myself|who i am)|deserve (this|it|to suffer|to be hurt|nothing|pain|to be punished|every)|punish myself|sick of myself|i'm disgusting|i am disgusting|revolting|repulsive|i'm vile|i'm trash|i'm garbage|waste of space|i'm a waste) ", RegexOptions.CultureInvariant)]
    private static partial Regex SelfAttack();

    [GeneratedRegex(@" (not good enough|never good enough|useless|failure|pathetic|stupid|idiot|incompetent|can't do anything right|can't get anything right|mess (everything|things|it) up|messed (everything|it) up|so bad at|rubbish at|hopeless at|why can't i|why do i always|what's wrong with me|should have done better|let everyone down|not enough) ", RegexOptions.CultureInvariant)]
    private static partial Regex NotEnough();

    [GeneratedRegex(@" (it's okay|it's ok|that's okay|that's ok|be kind to myself|be gentle with myself|doing my best|did my best|i'm learning|i can learn|next time|it makes sense|anyone would|it's understandable|that's human|allowed to|forgive myself|proud of myself|i deserve (kindness|rest|care|a break)|go easy on myself) ", RegexOptions.CultureInvariant)]
    private static partial Regex KindToSelf();
}

/// <param name="Values">One value per <see cref="Cues.FeatureNames"/> entry.</param>
/// <param name="Constructs">Lexicon constructs found, not negated and not idiomatic.</param>
/// <param name="StrongRisk">A category when an unmistakable, present, un-negated risk phrase was found.</param>
/// <param name="Softened">The sentence negates its risk words, speaks only of the past, or uses them as an idiom.</param>
/// <param name="NamesSomeoneElse">Another person is named ("him", "my son", "everyone"): without one, harm cannot be read as risk to others.</param>
public sealed record SentenceCues(float[] Values, IReadOnlyList<string> Constructs, string? StrongRisk, bool Softened, bool NamesSomeoneElse)
{
    /// <summary>How much a softened sentence's model score counts; a near-certain score still stands.</summary>
    public double Adjust(double anyRisk) => Softened && StrongRisk is null && anyRisk < 0.98 ? anyRisk * 0.25 : anyRisk;
}
