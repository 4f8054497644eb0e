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

    public static readonly IReadOnlyList<SharingCategory> All =
    [
        new(CheckInRatings, "Check-in ratings", "Your threat, drive and soothe numbers from each check-in, and how they move over time, without any note."),
        new(CheckInNotes, "Check-in notes", "The words you add to a check-in and the feelings you pick, beside its ratings (shared only with the ratings)."),
        new(Practices, "Practices", "Which practices you did, when and for how long, and any before and after ratings, without your notes."),
        new(Questionnaires, "Questionnaires", "Your answers and scores on the questionnaires you complete, with their bands and how they have changed."),
    ];

    public static SharingCategory? Find(string? key) => All.FirstOrDefault(c => c.Key == key);

    public static bool IsKnown(string? key) => Find(key) is not null;
}
