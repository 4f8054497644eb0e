namespace InnerAlly.Language.Evaluation;

public static partial class Evaluations
{
    public static IReadOnlyList<RobustnessCase> Robustness(LanguageEngine engine)
    {
        var cases = new List<RobustnessCase>();
        void Check(string name, string text, Func<TextAnalysis, bool> pass)
        {
            try
            {
                var result = engine.Analyze(text);
                cases.Add(new RobustnessCase(name, pass(result), $"risk {result.Risk.Category} ({result.Risk.Confidence:F2}), self-critical {result.SelfCriticism.Present}, language supported {result.Language.Supported}"));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                cases.Add(new RobustnessCase(name, false, e.GetType().Name + ": " + e.Message));
            }
        }

        var ordinary = "I went to the shop and bought some bread, then walked home in the rain and made soup. ";
        Check("empty text", string.Empty, r => r.Risk.Category == RiskCategories.None && !r.SelfCriticism.Present && r.ThinkingTraps.Count == 0);
        Check("only spaces and line breaks", "   \n\n  ", r => r.Risk.Category == RiskCategories.None);
        Check("100 KB of ordinary text", string.Concat(Enumerable.Repeat(ordinary, 100_000 / ordinary.Length + 1)), r => r.Risk.Category == RiskCategories.None);
        Check("100 KB with one risky sentence in the middle",
            string.Concat(Enumerable.Repeat(ordinary, 600)) + "I have decided to kill myself on Friday. " + string.Concat(Enumerable.Repeat(ordinary, 600)),
            r => r.Risk.Category == RiskCategories.Self);
        Check("emoji only", "😔😔💔", r => r.Risk.Category == RiskCategories.None);
        Check("emoji beside risk", "i want to die 😔💔", r => r.Risk.Category == RiskCategories.Self);
        Check("shouting in capitals", "I WANT TO KILL MYSELF", r => r.Risk.Category == RiskCategories.Self);
        Check("mixed case and typos", "i dont wanna b alive anymre, evryone wud be beter off", r => r.Risk.Category == RiskCategories.Self);
        Check("several sentences, one risky", "Work was long today. The bus was late again. I keep thinking everyone would be better off if I was gone. Then I made tea.", r => r.Risk.Category == RiskCategories.Self);
        Check("an idiom alone", "This commute is killing me.", r => r.Risk.Category == RiskCategories.None);
        Check("another language", "No quiero seguir viviendo, nadie me entiende y estoy muy cansada de todo.", r => !r.Language.Supported && r.Risk.Confidence < 0.5);
        Check("another script", "Мне очень плохо, я больше не могу так жить.", r => !r.Language.Supported && r.Risk.Confidence < 0.5);
        return cases;
    }
}
