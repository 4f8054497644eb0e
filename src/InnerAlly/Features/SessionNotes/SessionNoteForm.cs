namespace InnerAlly.Features.SessionNotes;

/// <summary>What a therapist fills in for a session note, checked at the edge (the API and the pages alike).</summary>
public class SessionNoteForm : IValidatableObject
{
    public const string DateNeeded = "Please give the date of the session.";
    public const string MinutesNeeded = "Please give the session's length in minutes, from 1 to 600.";
    public const string KindNeeded = "Please choose the kind of session: assessment, session, review or group.";
    public const string WordsNeeded = "Please write something under at least one of the headings.";
    public const string TooLong = "This can be up to 8,000 characters.";

    /// <summary>The day the session took place (yyyy-mm-dd).</summary>
    [Required(ErrorMessage = DateNeeded)]
    public DateOnly? SessionDate { get; set; }

    /// <summary>How long it was, in minutes (1 to 600).</summary>
    [Required(ErrorMessage = MinutesNeeded)]
    [Range(1, SessionNoteVersion.MinutesMax, ErrorMessage = MinutesNeeded)]
    public int? Minutes { get; set; }

    /// <summary>assessment, session, review or group.</summary>
    [Required(ErrorMessage = KindNeeded)]
    public string? Kind { get; set; } = "session";

    /// <summary>What we worked on.</summary>
    [StringLength(SessionNoteVersion.TextMaxLength, ErrorMessage = TooLong)]
    public string? WorkedOn { get; set; }

    /// <summary>Practices used.</summary>
    [StringLength(SessionNoteVersion.TextMaxLength, ErrorMessage = TooLong)]
    public string? PracticesUsed { get; set; }

    /// <summary>Agreed next steps.</summary>
    [StringLength(SessionNoteVersion.TextMaxLength, ErrorMessage = TooLong)]
    public string? NextSteps { get; set; }

    /// <summary>Risk discussed, and the plan.</summary>
    [StringLength(SessionNoteVersion.TextMaxLength, ErrorMessage = TooLong)]
    public string? Risk { get; set; }

    public virtual IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(Kind) && !SessionNoteVersion.Kinds.Contains(Kind))
        {
            yield return new ValidationResult(KindNeeded, [nameof(Kind)]);
        }

        if (new[] { WorkedOn, PracticesUsed, NextSteps, Risk }.All(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult(WordsNeeded, [nameof(WorkedOn)]);
        }
    }

    /// <summary>The words, once the edge has checked them.</summary>
    public SessionNoteVersion.Content ToContent() =>
        new(SessionDate!.Value, Minutes!.Value, Kind!, WorkedOn, PracticesUsed, NextSteps, Risk);

    /// <summary>The words as typed so far, for drawing the form again (nothing checked).</summary>
    public SessionNoteVersion.Content ToDraft() =>
        new(SessionDate ?? default, Minutes ?? 0, Kind ?? "session", WorkedOn, PracticesUsed, NextSteps, Risk);

    public void Fill(SessionNoteVersion.Content words)
    {
        (SessionDate, Minutes, Kind) = (words.SessionDate, words.Minutes, words.Kind);
        (WorkedOn, PracticesUsed, NextSteps, Risk) = (words.WorkedOn, words.PracticesUsed, words.NextSteps, words.Risk);
    }
}

/// <summary>The headings and kinds as a therapist reads them.</summary>
public static class SessionNoteWords
{
    public static readonly IReadOnlyList<(string Key, string Label, string Hint)> Headings =
    [
        (nameof(SessionNoteForm.WorkedOn), "What we worked on", "The themes, what came up, and how it went."),
        (nameof(SessionNoteForm.PracticesUsed), "Practices used", "For example soothing rhythm breathing, or compassionate self work."),
        (nameof(SessionNoteForm.NextSteps), "Agreed next steps", "What you agreed together for the time between sessions."),
        (nameof(SessionNoteForm.Risk), "Risk discussed and plan", "Anything about safety you talked through, and what you agreed."),
    ];

    public static string Kind(string kind) => kind switch
    {
        "assessment" => "Assessment",
        "review" => "Review",
        "group" => "Group session",
        _ => "Session",
    };

    public static string? Text(SessionNoteVersion.Content words, string heading) => heading switch
    {
        nameof(SessionNoteForm.WorkedOn) => words.WorkedOn,
        nameof(SessionNoteForm.PracticesUsed) => words.PracticesUsed,
        nameof(SessionNoteForm.NextSteps) => words.NextSteps,
        _ => words.Risk,
    };
}
