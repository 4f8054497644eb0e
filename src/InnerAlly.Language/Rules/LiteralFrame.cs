using System.Text.RegularExpressions;
using InnerAlly.Language.Text;

namespace InnerAlly.Language.Rules;

/// <summary>
/// The frame around a sentence's risk words, read only for the second stage (issue 14): the
/// literal-and-now question. Each cue says something a pooled sentence vector blurs: a wish said
/// with "not", a time that is over, someone else's words or a story, harm aimed at a thing, being
/// away with the reason given, a hurt body part with an ordinary cause, the end of an ordinary
/// thing, a kind letter's "you", and on the other side the finality of the clinical warning signs
/// (a settled decision, goodbyes, things given away, care arranged). The phrase lists are data in
/// Resources/Cues/Frame/*.txt.
/// </summary>
public static class LiteralFrame
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "negated_wish", "over_now", "reported", "quoted", "hyperbole", "away", "body_ordinary_cause",
        "ordinary_end", "finality", "kind_address", "short", "number",
    ];

    private static readonly Regex NegatedWish = CuePatterns.Load("Frame/negated-wish");
    private static readonly Regex OverNow = CuePatterns.Load("Frame/over-now");
    private static readonly Regex Reported = CuePatterns.Load("Frame/reported");
    private static readonly Regex Hyperbole = CuePatterns.Load("Frame/hyperbole");
    private static readonly Regex Away = CuePatterns.Load("Frame/away");
    private static readonly Regex Body = CuePatterns.Load("Frame/body");
    private static readonly Regex OrdinaryCause = CuePatterns.Load("Frame/ordinary-cause");
    private static readonly Regex OrdinaryEnd = CuePatterns.Load("Frame/ordinary-end");
    private static readonly Regex Finality = CuePatterns.Load("Frame/finality");
    private static readonly Regex KindAddress = CuePatterns.Load("Frame/kind-address");

    /// <summary>One value (0 or 1) per <see cref="Names"/> entry, for <paramref name="sentence"/>.</summary>
    public static float[] Read(string sentence)
    {
        var tokens = Tokens.Of(sentence);
        var joined = " " + string.Join(' ', tokens.Select(t => t.Word)) + " ";
        bool[] cues =
        [
            NegatedWish.IsMatch(joined), OverNow.IsMatch(joined), Reported.IsMatch(joined),
            sentence.AsSpan().IndexOfAny("\"\u201C\u201D") >= 0, Hyperbole.IsMatch(joined), Away.IsMatch(joined),
            Body.IsMatch(joined) && OrdinaryCause.IsMatch(joined), OrdinaryEnd.IsMatch(joined),
            Finality.IsMatch(joined), KindAddress.IsMatch(joined), tokens.Count <= 5, tokens.Any(t => char.IsDigit(t.Word[0])),
        ];
        return [.. cues.Select(c => c ? 1f : 0f)];
    }
}
