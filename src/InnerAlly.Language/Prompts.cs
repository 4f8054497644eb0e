using System.Reflection;
using System.Text.Json;

namespace InnerAlly.Language;

/// <summary>
/// The CFT scaffold templates (Resources/prompts.json, written by us): for a self-critical sentence,
/// one question about what the critic may fear and one invitation to hear a wise, strong and warm
/// friend. The trap found in the sentence chooses first, else the form of self-criticism; the
/// same sentence always gets the same pair.
/// </summary>
public sealed class Prompts
{
    private readonly Dictionary<string, string[]> _fear;
    private readonly Dictionary<string, string[]> _friend;

    private Prompts(Dictionary<string, string[]> fear, Dictionary<string, string[]> friend)
    {
        _fear = fear;
        _friend = friend;
    }

    public static Prompts Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("InnerAlly.Language.Resources.prompts.json")
            ?? throw new InvalidOperationException("Resources/prompts.json is missing from InnerAlly.Language.");
        var file = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string[]>>>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("Resources/prompts.json is empty.");
        var prompts = new Prompts(file["fear"], file["friend"]);
        foreach (var key in (string[])[SelfCriticismForms.Inadequate, SelfCriticismForms.Hated])
        {
            if (!prompts._fear.TryGetValue(key, out var f) || f.Length == 0 || !prompts._friend.TryGetValue(key, out var g) || g.Length == 0)
            {
                throw new InvalidDataException($"Resources/prompts.json needs fear and friend prompts for \"{key}\".");
            }
        }

        return prompts;
    }

    public CriticPrompt For(SelfCriticalSentence sentence, string? trap)
    {
        var key = trap is not null && _fear.ContainsKey(trap) && _friend.ContainsKey(trap) ? trap : sentence.Form;
        var seed = StableHash(sentence.Text);
        var fears = _fear[key];
        var friends = _friend[key];
        return new CriticPrompt(sentence.Text, sentence.Start, fears[(int)(seed % (uint)fears.Length)], friends[(int)(seed / 7 % (uint)friends.Length)], key);
    }

    // FNV-1a: string.GetHashCode changes from run to run, and the same words should meet the same prompt.
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
