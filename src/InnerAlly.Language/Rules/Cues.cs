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
public sealed class Cues(RiskLexicon lexicon)
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
        var idioms = CuePatterns.Idiom.Matches(joined);
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
        var strongSelf = IsStrong(joined, CuePatterns.StrongSelf);
        var strongFrom = IsStrong(joined, CuePatterns.StrongFromOthers);
        var strongTo = IsStrong(joined, CuePatterns.StrongToOthers);
        bool[] cues =
        [
            negated > 0, CuePatterns.Past.IsMatch(joined), CuePatterns.Present.IsMatch(joined), idioms.Count > 0,
            CuePatterns.FirstPerson.IsMatch(joined), CuePatterns.OtherPerson.IsMatch(joined), CuePatterns.Intent.IsMatch(joined),
            strongSelf, strongFrom, strongTo,
            CuePatterns.Should.IsMatch(joined), CuePatterns.Absolute.IsMatch(joined), CuePatterns.Label.IsMatch(joined), CuePatterns.Future.IsMatch(joined),
            CuePatterns.OthersThink.IsMatch(joined), CuePatterns.FeelingAsFact.IsMatch(joined), CuePatterns.MyFault.IsMatch(joined),
            CuePatterns.Discount.IsMatch(joined), CuePatterns.Catastrophe.IsMatch(joined), CuePatterns.Compare.IsMatch(joined),
            CuePatterns.BlameOther.IsMatch(joined), CuePatterns.Emotion.IsMatch(joined), sentence.TrimEnd().EndsWith('?'),
            CuePatterns.SelfAttack.IsMatch(joined), CuePatterns.NotEnough.IsMatch(joined), CuePatterns.KindToSelf.IsMatch(joined),
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
        return new SentenceCues(values, constructHits, strong, softened, cues[5] || CuePatterns.Someone.IsMatch(joined));
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
        CuePatterns.Past.IsMatch(joined) && !CuePatterns.Present.IsMatch(joined);
}
