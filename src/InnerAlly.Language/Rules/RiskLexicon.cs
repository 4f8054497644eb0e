using System.Reflection;
using System.Text.Json;

namespace InnerAlly.Language.Rules;

/// <summary>
/// The clinician-validated Suicide Risk Lexicon v1.0 (Apache-2.0, Resources/SuicideRiskLexicon), the
/// constructs InnerAlly uses, as phrase lists. Hits are features for the trained heads, not verdicts:
/// "cutting" or "bridge" alone mean nothing, beside "I keep thinking about the bridge" they may.
/// </summary>
public sealed class RiskLexicon
{
    public IReadOnlyList<string> Constructs { get; }

    public IReadOnlyDictionary<string, string> Names { get; }

    public PhraseMatcher Matcher { get; }

    private RiskLexicon(IReadOnlyList<string> constructs, IReadOnlyDictionary<string, string> names, PhraseMatcher matcher)
    {
        Constructs = constructs;
        Names = names;
        Matcher = matcher;
    }

    public static RiskLexicon Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("InnerAlly.Language.Resources.SuicideRiskLexicon.lexicon.json")
            ?? throw new InvalidOperationException("The risk lexicon is missing from InnerAlly.Language.");
        var file = JsonSerializer.Deserialize<LexiconFile>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("The risk lexicon is empty.");
        var constructs = file.Constructs.Keys.Order(StringComparer.Ordinal).ToList();
        var names = file.Constructs.ToDictionary(c => c.Key, c => c.Value.Name);
        var matcher = new PhraseMatcher(file.Constructs.SelectMany(c => c.Value.Tokens.Select(t => (c.Key, t))));
        return new RiskLexicon(constructs, names, matcher);
    }

    private sealed record LexiconFile(string Source, Dictionary<string, Construct> Constructs);

    private sealed record Construct(string Name, string Definition, List<string> Tokens);
}
