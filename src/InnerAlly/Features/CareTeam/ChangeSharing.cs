namespace InnerAlly.Features.CareTeam;

/// <summary>
/// A client sets what one therapist sees: the whole list of shared categories at once, each from
/// now on or including what came before. A category left out is no longer shared, from the very
/// next request.
/// </summary>
public static class ChangeSharing
{
    public const string NotesNeedRatings = "Check-in notes are shown beside their ratings: share check-in ratings too, or leave the notes unshared.";

    public sealed class Choice
    {
        /// <summary>A category key: check-in-ratings, check-in-notes, practices or questionnaires.</summary>
        public string Category { get; set; } = "";

        /// <summary>True shares what came before too; false (the default) shares only what is dated from now on.</summary>
        public bool IncludingEarlier { get; set; }
    }

    public sealed class Request
    {
        /// <summary>Every category to share with this therapist; an empty list shares nothing.</summary>
        public List<Choice> Sharing { get; set; } = [];
    }

    /// <summary>What is wrong with a list of choices, by field ("sharing[1].category"); empty when it can be saved.</summary>
    public static Dictionary<string, string[]> Problems(IReadOnlyList<Choice>? choices, string field = "sharing")
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (choices is null)
        {
            problems[field] = ["Give the list of categories to share; an empty list shares nothing."];
            return problems;
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (choices[i] is null || !SharingCategories.IsKnown(choices[i].Category))
            {
                problems[$"{field}[{i}].category"] = [$"Choose one of: {string.Join(", ", SharingCategories.All.Select(c => c.Key))}."];
            }
            else if (choices.Take(i).Any(c => c?.Category == choices[i].Category))
            {
                problems[$"{field}[{i}].category"] = ["Each category is named once."];
            }
        }

        if (problems.Count == 0 && choices.Any(c => c.Category == SharingCategories.CheckInNotes) && !choices.Any(c => c.Category == SharingCategories.CheckInRatings))
        {
            problems[field] = [NotesNeedRatings];
        }

        return problems;
    }

    /// <summary>Replaces the sharing of one of the client's active relationships; false when they have no such relationship.</summary>
    public static async Task<bool> HandleAsync(Guid clientId, Guid relationshipId, IReadOnlyList<Choice> choices, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await db.CareRelationships.AnyAsync(r => r.Id == relationshipId && r.UserId == clientId && r.EndedAt == null, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var current = await db.SharingChoices.Where(s => s.RelationshipId == relationshipId).ToListAsync(cancellationToken);
        foreach (var gone in current.Where(s => !choices.Any(c => c.Category == s.Category)))
        {
            db.SharingChoices.Remove(gone);
        }

        foreach (var choice in choices)
        {
            if (current.FirstOrDefault(s => s.Category == choice.Category) is { } kept)
            {
                kept.Change(choice.IncludingEarlier, now);
            }
            else
            {
                db.SharingChoices.Add(SharingChoice.TurnOn(relationshipId, choice.Category, choice.IncludingEarlier, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
