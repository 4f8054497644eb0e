using InnerAlly.Language.Text;

namespace InnerAlly.Language.Rules;

/// <summary>
/// The engine was trained on English only. A text with letters but almost none of English's most
/// common words, or mostly written in another script, is reported as "language not supported"
/// rather than given a confident "no risk".
/// </summary>
public static class LanguageCheck
{
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "i", "me", "my", "myself", "you", "your", "he", "she", "it", "we", "they", "him", "her", "them", "his", "its", "our", "their",
        "a", "an", "the", "and", "or", "but", "if", "so", "because", "as", "of", "at", "by", "for", "with", "about", "to", "from",
        "in", "on", "up", "out", "into", "over", "after", "before", "is", "am", "are", "was", "were", "be", "been", "being", "have",
        "has", "had", "do", "does", "did", "not", "no", "don't", "can't", "i'm", "it's", "that", "this", "what", "when", "why", "how",
        "all", "just", "can", "will", "would", "should", "could", "feel", "want", "like", "know", "think", "get", "got", "go", "going",
        "today", "again", "really", "very", "too", "now", "never", "always", "who", "there", "here", "then", "than", "more", "much",
        "want", "wish", "life", "hate", "love", "day", "time", "people", "one", "some", "any", "every", "ok", "okay", "yes", "hi",
    };

    // Everyday words of the languages people here are most likely to write in instead, none of
    // them also an English word ("die", "me", "no" and "a" are left out on purpose).
    private static readonly HashSet<string> Foreign = new(StringComparer.Ordinal)
    {
        "que", "de", "la", "el", "y", "en", "los", "las", "por", "con", "para", "una", "es", "quiero", "estoy", "muy", "pero",
        "mi", "yo", "nada", "más", "vida", "nadie", "soy", "tengo", "je", "ne", "pas", "le", "les", "et", "est", "un", "des",
        "du", "suis", "moi", "mon", "ma", "mes", "qui", "pour", "avec", "dans", "plus", "rien", "veux", "vie", "ich", "nicht",
        "und", "der", "das", "ist", "ein", "eine", "mich", "mir", "mein", "zu", "auf", "wir", "habe", "bin", "kein", "nur",
        "leben", "non", "sono", "il", "di", "che", "e", "per", "io", "ho", "voglio", "più", "niente", "não", "eu", "estou",
        "quero", "com", "uma", "os", "mais", "minha", "meu", "ik", "niet", "het", "een", "en", "wil", "dat", "jag", "och", "inte",
    };

    public static bool LooksEnglish(string text)
    {
        var letters = 0;
        var latin = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (c < 0x250)
                {
                    latin++;
                }
            }
        }

        if (letters == 0)
        {
            // Emoji, numbers or punctuation only: nothing to misread.
            return true;
        }

        if (latin < letters / 2)
        {
            return false;
        }

        var words = Tokens.Of(text).Where(t => t.Word.Any(char.IsLetter)).ToList();
        if (words.Count < 4)
        {
            return true;
        }

        var common = words.Count(t => Common.Contains(t.Word));
        var foreign = words.Count(t => Foreign.Contains(t.Word));
        return common > foreign && common * 10 >= words.Count;
    }
}
