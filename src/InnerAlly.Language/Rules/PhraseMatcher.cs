using InnerAlly.Language.Text;

namespace InnerAlly.Language.Rules;

/// <summary>Finds whole-word phrases from named lists in a run of tokens.</summary>
public sealed class PhraseMatcher
{
    private readonly Dictionary<string, List<(string[] Words, string List)>> _byFirstWord = new(StringComparer.Ordinal);

    public PhraseMatcher(IEnumerable<(string List, string Phrase)> phrases)
    {
        foreach (var (list, phrase) in phrases)
        {
            var words = Tokens.Words(phrase);
            if (words.Length == 0)
            {
                continue;
            }

            if (!_byFirstWord.TryGetValue(words[0], out var entries))
            {
                _byFirstWord[words[0]] = entries = [];
            }

            if (!entries.Any(e => e.List == list && e.Words.SequenceEqual(words)))
            {
                entries.Add((words, list));
            }
        }
    }

    public readonly record struct Hit(string List, int First, int Count);

    public List<Hit> Find(IReadOnlyList<Token> tokens)
    {
        var hits = new List<Hit>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_byFirstWord.TryGetValue(tokens[i].Word, out var entries))
            {
                continue;
            }

            foreach (var (words, list) in entries)
            {
                if (i + words.Length > tokens.Count)
                {
                    continue;
                }

                var all = true;
                for (var k = 1; k < words.Length && all; k++)
                {
                    all = tokens[i + k].Word == words[k];
                }

                if (all)
                {
                    hits.Add(new Hit(list, i, words.Length));
                }
            }
        }

        return hits;
    }
}
