using InnerAlly.Features.AllyCards;
using InnerAlly.Features.AllyRecords;
using InnerAlly.Features.Journal;
using InnerAlly.Features.Letters;

namespace InnerAlly.Features.CareTeam;

/// <summary>
/// The client's side of sharing one piece of writing: for each of their therapists, whether this
/// entry is shared and why, and the choice to keep it private or share it alone. Read from the
/// client's own rows, for the client alone.
/// </summary>
public static class EntrySharing
{
    public const string Share = "share";
    public const string Private = "private";
    public const string AsCategory = "as-category";

    public const string ChoiceNeeded = "choice is \"share\" (share this one), \"private\" (keep this one private) or \"as-category\" (as the category is shared).";
    public const string DraftLetter = "A letter is shared once it is finished; this one is still a draft.";

    public sealed class Request
    {
        /// <summary>"share" (share this one), "private" (keep this one private) or "as-category" (follow what the category says).</summary>
        public string? Choice { get; set; }
    }

    /// <param name="Shared">Whether this therapist can see the entry now.</param>
    /// <param name="Because">"category" when it follows its category, "entry" when the client marked this one.</param>
    public sealed record Status(Guid RelationshipId, string TherapistName, bool Shared, string Because, bool CategoryShared);

    public sealed record Statuses(Guid EntryId, string Category, IReadOnlyList<Status> Therapists);

    /// <summary>The category of a kind of writing.</summary>
    public static string? CategoryOf(PersonalWriting entry) => entry switch
    {
        JournalEntry => SharingCategories.Journal,
        AllyRecord => SharingCategories.AllyRecords,
        Letter => SharingCategories.Letters,
        AllyCard => SharingCategories.AllyCards,
        _ => null,
    };

    /// <summary>The person's own entry of any kind, or null.</summary>
    public static async Task<PersonalWriting?> FindOwnAsync(Guid userId, Guid entryId, AppDbContext db, CancellationToken cancellationToken) =>
        await db.JournalEntries.FindOwnedAsync(entryId, userId, cancellationToken) as PersonalWriting
        ?? await db.AllyRecords.FindOwnedAsync(entryId, userId, cancellationToken) as PersonalWriting
        ?? await db.Letters.FindOwnedAsync(entryId, userId, cancellationToken) as PersonalWriting
        ?? await db.AllyCards.FindOwnedAsync(entryId, userId, cancellationToken);

    /// <summary>For each of the person's active therapists, whether they see this entry; null when it is not the person's.</summary>
    public static async Task<Statuses?> ListAsync(Guid userId, Guid entryId, AppDbContext db, CancellationToken cancellationToken)
    {
        if (await FindOwnAsync(userId, entryId, db, cancellationToken) is not { } entry || CategoryOf(entry) is not { } category)
        {
            return null;
        }

        return new Statuses(entryId, category, await StatusesAsync(userId, entry, category, db, cancellationToken));
    }

    /// <summary>For pages: the same, for an entry already loaded.</summary>
    public static async Task<IReadOnlyList<Status>> StatusesAsync(Guid userId, PersonalWriting entry, string category, AppDbContext db, CancellationToken cancellationToken)
    {
        var relationships = await (
            from relationship in db.CareRelationships.AsNoTracking()
            join therapist in db.StaffMembers.AsNoTracking() on relationship.TherapistId equals (Guid?)therapist.Id
            where relationship.UserId == userId && relationship.EndedAt == null && therapist.IsTherapist && therapist.DeactivatedAt == null
            orderby therapist.DisplayName
            select new { relationship, therapist }).ToListAsync(cancellationToken);
        if (relationships.Count == 0)
        {
            return [];
        }

        var ids = relationships.Select(r => r.relationship.Id).ToList();
        var sharing = (await db.SharingChoices.AsNoTracking().Where(s => ids.Contains(s.RelationshipId) && s.Category == category).ToListAsync(cancellationToken))
            .ToDictionary(s => s.RelationshipId);
        var marks = (await db.EntryShares.AsNoTracking().Where(s => ids.Contains(s.RelationshipId) && s.EntryId == entry.Id).ToListAsync(cancellationToken))
            .ToDictionary(s => s.RelationshipId);
        var draft = entry is Letter { IsDone: false };
        return [.. relationships.Select(r =>
        {
            var shares = new Dictionary<string, SharingChoice>(StringComparer.Ordinal);
            var marked = new Dictionary<Guid, EntryShare>();
            if (sharing.TryGetValue(r.relationship.Id, out var choice))
            {
                shares[category] = choice;
            }

            if (marks.TryGetValue(r.relationship.Id, out var mark))
            {
                marked[entry.Id] = mark;
            }

            var client = new CareAccess.Client(r.relationship, r.therapist, shares, marked);
            return new Status(r.relationship.Id, r.therapist.DisplayName, !draft && client.Sees(category, entry.Id, entry.CreatedAt), mark is null ? "category" : "entry", choice is not null);
        })];
    }

    public enum Outcome
    {
        Changed,
        NotFound,
        DraftLetter,
    }

    /// <summary>Marks one entry for one of the person's active therapists, or clears the mark; effective from the next request.</summary>
    public static async Task<Outcome> ChangeAsync(Guid userId, Guid relationshipId, Guid entryId, string choice, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await FindOwnAsync(userId, entryId, db, cancellationToken) is not { } entry || CategoryOf(entry) is not { } category
            || !await db.CareRelationships.AnyAsync(r => r.Id == relationshipId && r.UserId == userId && r.EndedAt == null, cancellationToken))
        {
            return Outcome.NotFound;
        }

        if (entry is Letter { IsDone: false } && choice == Share)
        {
            return Outcome.DraftLetter;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var mark = await db.EntryShares.SingleOrDefaultAsync(s => s.RelationshipId == relationshipId && s.EntryId == entryId, cancellationToken);
        switch (choice)
        {
            case AsCategory when mark is not null:
                db.EntryShares.Remove(mark);
                break;
            case Share or Private when mark is null:
                db.EntryShares.Add(EntryShare.Mark(relationshipId, category, entryId, choice == Share, now));
                break;
            case Share or Private:
                mark.Change(choice == Share, now);
                break;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Changed;
    }

    public static bool IsChoice(string? choice) => choice is Share or Private or AsCategory;
}
