using System.Text.Json;
using InnerAlly.Language;

namespace InnerAlly.Features.Writing;

/// <summary>
/// The words of the journal, the critic-to-ally record, the letter and the ally cards, read from
/// Content/Writing so a clinician can review them without reading C#. One for the app
/// (WritingFeature.AddWriting): every file is read and checked as the app starts, so a broken file
/// stops the app there.
/// </summary>
public sealed class WritingContent
{
    public JournalWords Journal { get; } = Read<JournalWords>("journal.json", static (file, path) =>
    {
        if (file.Prompts.Count < 7 || file.Prompts.Any(p => string.IsNullOrWhiteSpace(p)))
        {
            throw new InvalidDataException($"{path} needs at least a week of prompts, none of them empty.");
        }
    });

    public RecordWords Record { get; } = Read<RecordWords>("ally-record.json", static (file, path) =>
    {
        var fields = file.Steps.SelectMany(s => s.Fields).Select(f => f.Field).ToList();
        if (!fields.Order(StringComparer.Ordinal).SequenceEqual(RecordWords.FieldNames.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            throw new InvalidDataException($"{path} must place each of {string.Join(", ", RecordWords.FieldNames)} in one step, once.");
        }

        if (ThinkingTraps.All.FirstOrDefault(t => !file.Analysis.TrapWords.ContainsKey(t)) is { } trap)
        {
            throw new InvalidDataException($"{path} has no plain words for the thinking trap '{trap}'.");
        }

        if (!file.Analysis.Forms.ContainsKey(SelfCriticismForms.Inadequate) || !file.Analysis.Forms.ContainsKey(SelfCriticismForms.Hated))
        {
            throw new InvalidDataException($"{path} needs words for both forms of self-criticism.");
        }
    });

    public LetterWords Letter { get; } = Read<LetterWords>("letter.json", static (file, path) =>
    {
        var expected = Letters.Letter.Parts.Names.Select(JsonNamingPolicy.CamelCase.ConvertName);
        if (!file.Parts.Select(p => p.Field).SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new InvalidDataException($"{path} must give the letter's parts {string.Join(", ", expected)}, in that order.");
        }
    });

    public CardWords Cards { get; } = Read<CardWords>("cards.json");

    public sealed record JournalWords(string Intro, string Empty, string PromptIntro, string Privacy, string CriticNoticed, IReadOnlyList<string> Prompts)
    {
        /// <summary>The prompt suggested on <paramref name="day"/>: each day the next one, in turn.</summary>
        public int SuggestedFor(DateOnly day) => day.DayNumber % Prompts.Count;
    }

    public sealed record ScaleWords(string Low, string High);

    /// <param name="Field">The API's name for the field.</param>
    /// <param name="Example">An example or hint, shown under the label.</param>
    public sealed record StepField(string Field, string Label, string? Example)
    {
        public bool IsRating => Field is "harshnessBefore" or "harshnessAfter" or "beliefBefore" or "beliefAfter";

        /// <summary>The form's name for it ("Input.CriticWords"; the feelings are "Input.Feelings.Body" and "Input.Feelings.Emotions").</summary>
        public string InputName => Field switch
        {
            "feelingsBody" => "Input.Feelings.Body",
            "emotions" => "Input.Feelings.Emotions",
            _ => "Input." + char.ToUpperInvariant(Field[0]) + Field[1..],
        };

        public string Id => "record-" + Field;
    }

    public sealed record RecordStep(string Id, string Title, string Prompt, IReadOnlyList<StepField> Fields);

    public sealed record AnalysisWords(
        string Heading, string Intro, string Sentences, string Tone, string Traps, string TrapsIntro, string Prompts, string FearPromptLabel, string FriendPromptLabel,
        string Nothing, string Unavailable, IReadOnlyDictionary<string, string> Forms, IReadOnlyDictionary<string, string> TrapWords);

    public sealed record RecordWords(string Intro, string Empty, string Privacy, ScaleWords Scale, IReadOnlyList<RecordStep> Steps, AnalysisWords Analysis)
    {
        /// <summary>Every field of a record, each to be placed in one step.</summary>
        public static readonly IReadOnlyList<string> FieldNames =
        [
            "situation", "criticWords", "harshnessBefore", "emotions", "feelingsBody", "criticFear",
            "allyWisdom", "allyStrength", "allyWarmth", "beliefBefore", "action", "harshnessAfter", "beliefAfter",
        ];
    }

    public sealed record LetterPart(string Field, string Title, string Prompt)
    {
        public string InputName => "Input.Parts." + char.ToUpperInvariant(Field[0]) + Field[1..];

        public string Id => "letter-" + Field;
    }

    public sealed record LetterWords(
        string Intro, string Empty, string Privacy, string ReadBackIntro, string ReadAloudHint, string Reread, string RereadCards, IReadOnlyList<LetterPart> Parts);

    public sealed record CardWords(
        string HubIntro, string DeckIntro, string Empty, string NewIntro, string Privacy, string OverTimeIntro, string OverTimeMissing, string OverTimeNoRatings);

    private static T Read<T>(string fileName, Action<T, string>? check = null)
        where T : class => ContentFiles.Read("Writing", fileName, check);
}
