using InnerAlly.Language.Rules;

namespace InnerAlly.Language;

/// <summary>The risk rule: which flagged sentences bring the notice, which the gentle line (SAFETY.md 2a).</summary>
public sealed partial class LanguageEngine
{
    private RiskFinding ReadRisk(List<Sentence> sentences, LanguageSupport language, TextSetting setting)
    {
        // A sentence is risky when P(any risk) reaches the threshold chosen in training, or when a
        // strong, present, un-negated phrase ("kill myself", "he hits me") is there, whatever the
        // model says. Its category is the likeliest risk; the text takes the category of its
        // riskiest sentence, and every risky sentence of that category is evidence.
        // A sentence the second stage (trained on what the first confuses) finds unlikely is unsure;
        // so, in a guided setting (a kind letter, an ally card, a record's steps), is a reading by the
        // model alone, with no clear phrase and no lexicon sign, below the guided bar. An unsure
        // reading brings the gentle line, and the text's category stays "none".
        var threshold = Model.RiskThresholds["any"];
        var second = Model.RiskThresholds.GetValueOrDefault("second");
        var risky = new List<(Sentence S, string Category, double Confidence, string Reason, bool Sure)>();
        foreach (var s in sentences)
        {
            var any = s.Cues.Adjust((1 - s.Risk[0]) * s.Literal);
            var strong = s.Cues.StrongRisk;
            if (any < threshold && strong is null)
            {
                continue;
            }

            var top = 1;
            for (var c = 2; c < RiskCategories.All.Count; c++)
            {
                top = s.Risk[c] > s.Risk[top] ? c : top;
            }

            // Harm with nobody else in the sentence is not risk to others ("I dig my nails in till it
            // hurts"): self-harm must never be filed as a danger to someone else.
            if (strong is null && RiskCategories.All[top] == RiskCategories.ToOthers && !s.Cues.NamesSomeoneElse)
            {
                top = s.Risk[1] >= s.Risk[2] ? 1 : 2;
            }

            var category = strong ?? RiskCategories.All[top];
            var confidence = strong is null ? any : Math.Max(any, 0.9);
            var lexicon = s.Cues.Constructs.Any(Cues.IsRiskConstruct);
            var sure = strong is not null
                || (s.Second >= second && (lexicon || !TextSettings.IsGuided(setting) || any >= TextSettings.GuidedNoticeBar));
            var reason = strong is not null ? "a clear phrase"
                : s.Cues.Constructs.Count > 0 ? "model, with lexicon: " + string.Join(", ", s.Cues.Constructs.Distinct().Select(k => Cues.Lexicon.Names[k]))
                : "model";
            risky.Add((s, category, confidence, reason, sure));
        }

        // "None" is said with the confidence of the least reassuring sentence, and never
        // confidently about a language the engine cannot read.
        double NoneConfidence() => language.Supported ? Math.Round(sentences.Min(s => 1 - s.Cues.Adjust((1 - s.Risk[0]) * s.Literal)), 3) : 0.0;
        var notice = risky.Where(r => r.Sure).ToList();
        if (notice.Count == 0)
        {
            return risky.Count == 0
                ? new RiskFinding(RiskCategories.None, NoneConfidence(), [])
                : new RiskFinding(RiskCategories.None, NoneConfidence(), Evidence(risky), RiskLevels.Gentle);
        }

        var first = notice.MaxBy(r => r.Confidence);
        return new RiskFinding(first.Category, Math.Round(first.Confidence, 3), Evidence([.. notice.Where(r => r.Category == first.Category)]), RiskLevels.Notice);

        static List<RiskEvidence> Evidence(List<(Sentence S, string Category, double Confidence, string Reason, bool Sure)> found) =>
            [.. found.Select(r => new RiskEvidence(r.S.Span.Text, r.S.Span.Start, r.S.Span.Length, Math.Round(r.Confidence, 3), r.Reason))];
    }
}
