using System.Globalization;
using System.Text;

namespace InnerAlly.Language.Text;

/// <summary>A word as the rules see it: lower case, straight apostrophes, a few texting spellings made whole.</summary>
public readonly record struct Token(string Word, int Start, int Length);

public static class Tokens
{
    // Texting and typo spellings that would hide a negation or a first person from the rules.
    private static readonly Dictionary<string, string> Respell = new(StringComparer.Ordinal)
    {
        ["dont"] = "don't",
        ["cant"] = "can't",
        ["wont"] = "won't",
        ["didnt"] = "didn't",
        ["doesnt"] = "doesn't",
        ["isnt"] = "isn't",
        ["wasnt"] = "wasn't",
        ["wouldnt"] = "wouldn't",
        ["couldnt"] = "couldn't",
        ["shouldnt"] = "shouldn't",
        ["havent"] = "haven't",
        ["aint"] = "ain't",
        ["im"] = "i'm",
        ["ive"] = "i've",
        ["ill"] = "i'll",
        ["id"] = "i'd",
        ["u"] = "you",
        ["ur"] = "your",
        ["wanna"] = "want to",
        ["gonna"] = "going to",
        ["kms"] = "kill myself",
        ["unalive"] = "kill",
        ["unaliving"] = "killing",
        ["myslef"] = "myself",
        ["mysefl"] = "myself",
        ["cuz"] = "because",
        ["coz"] = "because",
        ["bc"] = "because",
        ["pls"] = "please",
        ["rn"] = "right now",
    };

    public static IReadOnlyList<Token> Of(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (IsWordChar(text[i]) || (IsApostrophe(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                i++;
            }

            var word = Normalise(text.AsSpan(start, i - start));
            if (Respell.TryGetValue(word, out var whole))
            {
                foreach (var part in whole.Split(' '))
                {
                    tokens.Add(new Token(part, start, i - start));
                }
            }
            else
            {
                tokens.Add(new Token(word, start, i - start));
            }
        }

        return tokens;
    }

    /// <summary>The lexicon's phrases in the same form as text tokens, so they can be compared word by word.</summary>
    public static string[] Words(string phrase) => [.. Of(phrase).Select(t => t.Word)];

    private static string Normalise(ReadOnlySpan<char> word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            sb.Append(IsApostrophe(c) ? '\'' : char.ToLower(c, CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘' or 'ʼ';
}
