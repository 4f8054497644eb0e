using System.Text.RegularExpressions;

namespace InnerAlly.Features.Learn;

/// <summary>
/// The Flesch-Kincaid grade level: 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59.
/// Sentences end at . ! ? or a line break (a heading or list item is a sentence of its own);
/// syllables are counted as groups of vowels (a e i o u y), less a silent final e, at least one
/// a word. It is an estimate, as every readability formula is; lessons aim at grade 8 or lower.
/// </summary>
public static partial class ReadingLevel
{
    public static double Grade(string text)
    {
        var sentences = SentenceBreaks().Split(text).Count(s => WordPattern().IsMatch(s));
        var words = WordPattern().Matches(text).Select(m => m.Value).ToList();
        if (words.Count == 0 || sentences == 0)
        {
            return 0;
        }

        var syllables = words.Sum(Syllables);
        return (0.39 * words.Count / sentences) + (11.8 * syllables / words.Count) - 15.59;
    }

    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant().Trim('\'');
        var groups = VowelGroups().Count(w);
        if (w.Length > 2 && w.EndsWith('e') && !w.EndsWith("le", StringComparison.Ordinal) && groups > 1)
        {
            groups--;
        }

        return Math.Max(1, groups);
    }

    [GeneratedRegex(@"[.!?]+|\n+")]
    private static partial Regex SentenceBreaks();

    [GeneratedRegex(@"[A-Za-z][A-Za-z']*")]
    private static partial Regex WordPattern();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroups();
}
