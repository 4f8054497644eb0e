namespace InnerAlly.Language;

/// <summary>
/// Where the words were written. The same sentence reads differently in a free journal entry and in
/// a kind letter to oneself: "Tomorrow I will rest." is a plan in a letter's closing lines, and the
/// fear step of a critic-to-ally record is where people write what they are afraid of. The saving
/// feature knows which it is and tells the engine.
/// </summary>
public enum TextSetting
{
    /// <summary>A free text with no prompt of its own; also what the engine assumes when not told.</summary>
    Journal,

    /// <summary>The short note under a check-in's three ratings.</summary>
    CheckInNote,

    /// <summary>The note after a practice session.</summary>
    PracticeNote,

    /// <summary>A private answer to a lesson's reflection question.</summary>
    LessonReflection,

    /// <summary>The steps of a critic-to-ally record: the situation, the critic's words, what it fears, the ally's replies.</summary>
    RecordField,

    /// <summary>A part of a compassionate letter to oneself.</summary>
    LetterPart,

    /// <summary>An ally card: a few kind words kept for a hard moment.</summary>
    Card,

    /// <summary>A free-text answer inside a questionnaire.</summary>
    QuestionnaireText,
}

public static class TextSettings
{
    /// <summary>
    /// Settings whose prompt asks for kind words or for the critic's fears, so a sentence the model
    /// alone finds unsure (no clear phrase, no lexicon sign, below <see cref="GuidedNoticeBar"/>)
    /// brings the gentle line rather than the full notice.
    /// </summary>
    public static bool IsGuided(TextSetting setting) =>
        setting is TextSetting.RecordField or TextSetting.LetterPart or TextSetting.Card;

    /// <summary>In a guided setting, a reading by the model alone brings the notice from here up ("more likely than not").</summary>
    public const double GuidedNoticeBar = 0.5;
}

/// <summary>How strongly the engine reads risk, which decides what the product shows after a save.</summary>
public static class RiskLevels
{
    /// <summary>Nothing to show.</summary>
    public const string None = "none";

    /// <summary>An unsure reading: a short, gentle line beneath the saved words, with the help link.</summary>
    public const string Gentle = "gentle";

    /// <summary>A confident reading: the full support notice, beneath the saved words.</summary>
    public const string Notice = "notice";
}
