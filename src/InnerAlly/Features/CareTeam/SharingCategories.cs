namespace InnerAlly.Features.CareTeam;

/// <summary>One kind of thing a client may share with a therapist, with the sentence that explains it.</summary>
/// <param name="Key">The name in the API and the database, such as "check-in-ratings".</param>
/// <param name="Name">How the client reads it in a list: "Check-in ratings".</param>
/// <param name="Explanation">One plain sentence on what the therapist would see.</param>
public sealed record SharingCategory(string Key, string Name, string Explanation);

/// <summary>
/// What a client can share, category by category. Nothing is shared until the client turns a
/// category on, for one therapist at a time. Only categories the therapist's side can show are
/// offered, so that a client never turns on something that shows nothing, or more than it says.
/// </summary>
public static class SharingCategories
{
    public const string CheckInRatings = "check-in-ratings";
    public const string CheckInNotes = "check-in-notes";
    public const string Practices = "practices";
    public const string Questionnaires = "questionnaires";
    public const string Journal = "journal";
    public const string AllyRecords = "ally-records";
    public const string Letters = "letters";
    public const string AllyCards = "ally-cards";
    public const string SafetyNotices = "safety-notices";
    public const string Lessons = "lessons";
    public const string LessonReflections = "lesson-reflections";
    public const string SafetyPlan = "safety-plan";

    /// <summary>The categories that are kinds of writing: each entry can also be kept private or shared alone.</summary>
    public static readonly IReadOnlyList<string> Writing = [Journal, AllyRecords, Letters, AllyCards];

    public static readonly IReadOnlyList<SharingCategory> All =
    [
        new(CheckInRatings, "Check-in ratings", "Your threat, drive and soothe numbers from each check-in, and how they move over time, without any note."),
        new(CheckInNotes, "Check-in notes", "The words you add to a check-in and the feelings you pick, beside its ratings (shared only with the ratings)."),
        new(Practices, "Practices", "Which practices you did, when and for how long, and any before and after ratings, without your notes."),
        new(Questionnaires, "Questionnaires", "Your answers and scores on the questionnaires you complete, with their bands and how they have changed."),
        new(Lessons, "Lessons read", "Which lessons you have read, and when."),
        new(LessonReflections, "Lesson reflections", "What you wrote in answer to a lesson's reflection question, beside the question."),
        new(Journal, "Journal", "Your journal entries as you wrote them, with their prompts and tags; you can still keep any one of them private."),
        new(AllyRecords, "Critic-to-ally records", "Your critic-to-ally records, every step you filled in and your before and after ratings; you can keep any one private."),
        new(Letters, "Letters", "The letters to yourself that you have finished (never drafts); you can keep any one private."),
        new(AllyCards, "Ally cards", "The kind words you keep on your ally cards; you can keep any one private."),
        new(SafetyPlan, "Safety plan", "Your safety plan as it is now, every step you filled in."),
        new(SafetyNotices, "Safety notices", "That the support notice appeared after something you wrote, when, and where: never your words, unless you share that kind of writing too."),
    ];

    /// <summary>The categories in a few groups, so the choices fit a phone's screen: each group folds away until opened.</summary>
    public static readonly IReadOnlyList<(string Name, IReadOnlyList<SharingCategory> Categories)> Groups =
    [
        ("Check-ins", [.. All.Where(c => c.Key is CheckInRatings or CheckInNotes)]),
        ("Practice and learning", [.. All.Where(c => c.Key is Practices or Lessons or LessonReflections)]),
        ("Questionnaires", [.. All.Where(c => c.Key is Questionnaires)]),
        ("Writing", [.. All.Where(c => IsWriting(c.Key))]),
        ("Safety", [.. All.Where(c => c.Key is SafetyPlan or SafetyNotices)]),
    ];

    public static bool IsWriting(string? key) => key is not null && Writing.Contains(key);

    public static SharingCategory? Find(string? key) => All.FirstOrDefault(c => c.Key == key);

    public static bool IsKnown(string? key) => Find(key) is not null;
}
