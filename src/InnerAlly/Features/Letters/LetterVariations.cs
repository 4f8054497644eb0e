using System.Text.RegularExpressions;

namespace InnerAlly.Features.Letters;

/// <summary>
/// The kinds of compassionate letter a person chooses between when starting one (to yourself, from
/// your compassionate other, to your younger self, to your inner critic), and the gentle check
/// offered when a letter is read back. The words are in Content/Writing/letter-variations.json; one
/// for the app (WritingFeature.AddWriting), read and checked as it starts, so a missing prompt stops
/// the app there.
/// </summary>
public sealed partial class LetterVariations(WritingContent writing)
{
    /// <summary>The letter to yourself, from your compassionate self; it uses letter.json's own prompts.</summary>
    public const string Default = "to-yourself";

    /// <summary>The longest id the database keeps.</summary>
    public const int IdMaxLength = 32;

    public Words Content { get; } = ContentFiles.Read<Words>("Writing", "letter-variations.json", (file, path) => Check(file, path, writing.Letter));

    public IReadOnlyList<Variation> All => Content.Variations;

    public Variation? Find(string? id) => id is null ? null : All.FirstOrDefault(v => v.Id == id);

    /// <summary>The variation a stored letter names; the default if the content no longer lists it.</summary>
    public Variation Of(string? id) => Find(id) ?? All[0];

    /// <summary>The message an unknown variation is refused with, naming the choices.</summary>
    public string Unknown => $"variation is one of {string.Join(", ", All.Select(v => $"\"{v.Id}\""))}.";

    /// <summary>The "should"-like words in a letter, each with how often it is used, in the order first used.</summary>
    public static IReadOnlyList<(string Word, int Count)> Shoulds(string text) =>
        [.. ShouldWords().Matches(text)
            .Select(m => m.Groups["word"].Value.ToLowerInvariant())
            .GroupBy(w => w, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))];

    /// <summary>The read-back note about a letter's shoulds: which words and how often, or that there are none.</summary>
    public string ShouldsNote(string text)
    {
        var found = Shoulds(text);
        if (found.Count == 0)
        {
            return Content.ReadBack.NoShoulds;
        }

        var times = Content.ReadBack.Times;
        var each = found.Select(f => $"\"{f.Word}\" " + (f.Count <= 2 ? times[f.Count - 1] : times[2].Replace("{n}", f.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))).ToList();
        var words = each.Count == 1 ? each[0] : $"{string.Join(", ", each[..^1])} {Content.ReadBack.And} {each[^1]}";
        return Content.ReadBack.ShouldsFound.Replace("{words}", words, StringComparison.Ordinal);
    }

    private static void Check(Words file, string path, WritingContent.LetterWords letter)
    {
        if (file.Variations.Count == 0 || file.Variations[0].Id != Default || file.Variations[0].Prompts.Count > 0 || file.Variations[0].Intro is not null)
        {
            throw new InvalidDataException($"{path} must list {Default} first, with no intro or prompts of its own (it uses letter.json's).");
        }

        if (file.Variations.Select(v => v.Id).Distinct(StringComparer.Ordinal).Count() != file.Variations.Count
            || file.Variations.Any(v => v.Id.Length is 0 or > IdMaxLength))
        {
            throw new InvalidDataException($"{path}: each variation needs its own id of 1 to {IdMaxLength} characters.");
        }

        var fields = letter.Parts.Select(p => p.Field).ToList();
        foreach (var variation in file.Variations.Skip(1))
        {
            if (!variation.Prompts.Keys.Order(StringComparer.Ordinal).SequenceEqual(fields.Order(StringComparer.Ordinal), StringComparer.Ordinal)
                || variation.Prompts.Values.Any(string.IsNullOrWhiteSpace) || string.IsNullOrWhiteSpace(variation.Intro))
            {
                throw new InvalidDataException($"{path}: {variation.Id} needs an intro and a prompt for each of {string.Join(", ", fields)}.");
            }
        }

        if (!file.ReadBack.ShouldsFound.Contains("{words}", StringComparison.Ordinal) || file.ReadBack.Times.Count != 3
            || !file.ReadBack.Times[2].Contains("{n}", StringComparison.Ordinal) || file.ReadBack.Questions.Count == 0)
        {
            throw new InvalidDataException($"{path}: readBack needs questions, shouldsFound with {{words}}, and times for once, twice and {{n}} times.");
        }
    }

    // "should", "shouldn't", "should've", "must", "mustn't", "ought", "oughtn't": whole words only, so "mustard" is not one.
    [GeneratedRegex(@"\b(?<word>should|must|ought)(?:n['’]t|['’]ve)?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ShouldWords();

    public sealed record Choose(string Legend, string Hint, string Button, string Unknown);

    /// <param name="Intro">What the page says first; none for the default, which keeps letter.json's.</param>
    /// <param name="Prompts">The prompt for each part, by its field; empty for the default, which keeps letter.json's.</param>
    public sealed record Variation(string Id, string Label, string About, string Heading, string? Intro, IReadOnlyDictionary<string, string> Prompts)
    {
        public bool IsDefault => Id == Default;

        public string PromptFor(WritingContent.LetterPart part) => Prompts.GetValueOrDefault(part.Field) ?? part.Prompt;
    }

    /// <param name="Times">How a count is said: once, twice, and "{n} times".</param>
    public sealed record ReadBackCheck(
        string Heading, string Intro, IReadOnlyList<string> Questions, string ShouldsFound, string NoShoulds, IReadOnlyList<string> Times, string And);

    public sealed record Words(Choose Choose, IReadOnlyList<Variation> Variations, ReadBackCheck ReadBack);
}
