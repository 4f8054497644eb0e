using System.Text.RegularExpressions;

namespace InnerAlly.Language.Text;

/// <summary>
/// Splits a text into sentence-sized spans: at . ! ? (and runs of them) followed by a space,
/// at line breaks, and inside very long run-on sentences at commas or every 40 words, so that
/// one risky clause in a long paragraph still gets a span of its own.
/// </summary>
public static partial class Sentences
{
    internal const int MaxWords = 40;

    public static IReadOnlyList<TextSpan> Split(string text)
    {
        var spans = new List<TextSpan>();
        var from = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                AddChunked(text, from, i - from, spans);
                from = ++i;
                continue;
            }

            if (c is '.' or '!' or '?' or '…')
            {
                var j = i + 1;
                while (j < text.Length && text[j] is '.' or '!' or '?' or '…' or '"' or '\'' or '”' or '’' or ')' or ']')
                {
                    j++;
                }

                // "3.5 hours" and "U.S.A" stay whole: a sentence ends only where a space or the text's end follows.
                if (j == text.Length || char.IsWhiteSpace(text[j]))
                {
                    AddChunked(text, from, j - from, spans);
                    from = i = j;
                    continue;
                }

                i = j;
                continue;
            }

            i++;
        }

        AddChunked(text, from, text.Length - from, spans);
        return spans;
    }

    private static void AddChunked(string text, int start, int length, List<TextSpan> spans)
    {
        var (s, l) = Trim(text, start, length);
        // Only spans with a letter or a digit are sentences: a row of emoji or dots is not read.
        if (l == 0 || !text.AsSpan(s, l).ContainsAnyInRange('0', '9') && !HasLetter(text.AsSpan(s, l)))
        {
            return;
        }

        var words = Word().Matches(text.Substring(s, l));
        if (words.Count <= MaxWords)
        {
            spans.Add(new TextSpan(text.Substring(s, l), s, l));
            return;
        }

        // A run-on: cut at the last comma or semicolon before the limit, else at the limit.
        var limitEnd = s + words[MaxWords - 1].Index + words[MaxWords - 1].Length;
        var cut = text.LastIndexOfAny([',', ';', ':'], limitEnd - 1, limitEnd - s);
        var end = cut > s + 20 ? cut + 1 : limitEnd;
        AddChunked(text, s, end - s, spans);
        AddChunked(text, end, s + l - end, spans);
    }

    private static (int Start, int Length) Trim(string text, int start, int length)
    {
        var end = start + length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end - start);
    }

    private static bool HasLetter(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
