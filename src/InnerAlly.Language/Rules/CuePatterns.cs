using System.Text;
using System.Text.RegularExpressions;

namespace InnerAlly.Language.Rules;

/// <summary>
/// The cue phrase lists in Resources/Cues, one regular expression per line, each read against a
/// sentence's lower-cased words joined by single spaces with a space at either end. A line
/// matches whole words (it is framed by those spaces) unless a ~ at its start or end lets it begin
/// or end inside a word; <c>{name}</c> stands for the lines of Resources/Cues/Parts/name.txt as one
/// group. Lines starting with # are comments. A file that is missing, empty or not a valid
/// expression stops the engine from loading.
/// </summary>
public static partial class CuePatterns
{
    private const string Prefix = "InnerAlly.Language.Cues.";

    public static readonly Regex StrongSelf = Load("strong-self");

    public static readonly Regex StrongFromOthers = Load("strong-from-others");

    public static readonly Regex StrongToOthers = Load("strong-to-others");

    public static readonly Regex Idiom = Load("idiom");

    public static readonly Regex Past = Load("past");

    public static readonly Regex Present = Load("present");

    public static readonly Regex FirstPerson = Load("first-person");

    public static readonly Regex OtherPerson = Load("other-person");

    public static readonly Regex Someone = Load("someone");

    public static readonly Regex Intent = Load("intent");

    public static readonly Regex Should = Load("should");

    public static readonly Regex Absolute = Load("absolute");

    public static readonly Regex Label = Load("label");

    public static readonly Regex Future = Load("future");

    public static readonly Regex OthersThink = Load("others-think");

    public static readonly Regex FeelingAsFact = Load("feeling-as-fact");

    public static readonly Regex MyFault = Load("my-fault");

    public static readonly Regex Discount = Load("discount");

    public static readonly Regex Catastrophe = Load("catastrophe");

    public static readonly Regex Compare = Load("compare");

    public static readonly Regex BlameOther = Load("blame-other");

    public static readonly Regex Emotion = Load("emotion");

    public static readonly Regex SelfAttack = Load("self-attack");

    public static readonly Regex NotEnough = Load("not-enough");

    public static readonly Regex KindToSelf = Load("kind-to-self");

    /// <summary>The expression for Resources/Cues/<paramref name="name"/>.txt.</summary>
    public static Regex Load(string name)
    {
        var alternatives = Lines(name).Select(line =>
        {
            var start = line.StartsWith('~') ? "" : " ";
            var end = line.EndsWith('~') ? "" : " ";
            return start + Expand(line.Trim('~')) + end;
        });
        var pattern = "(?:" + string.Join('|', alternatives) + ")";
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"The cue list {name}.txt is not a valid regular expression: {e.Message}", e);
        }
    }

    private static string Expand(string line)
    {
        var result = new StringBuilder();
        var at = 0;
        foreach (Match part in PartReference().Matches(line))
        {
            result.Append(line, at, part.Index - at);
            result.Append("(?:").AppendJoin('|', Lines("Parts/" + part.Groups[1].Value)).Append(')');
            at = part.Index + part.Length;
        }

        return result.Append(line, at, line.Length - at).ToString();
    }

    private static List<string> Lines(string name)
    {
        using var stream = typeof(CuePatterns).Assembly.GetManifestResourceStream(Prefix + name + ".txt")
            ?? throw new InvalidOperationException($"The cue list {name}.txt is missing from InnerAlly.Language.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }

        return lines.Count > 0 ? lines : throw new InvalidDataException($"The cue list {name}.txt has no lines.");
    }

    [GeneratedRegex(@"\{([a-z-]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PartReference();
}
