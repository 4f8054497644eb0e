using InnerAlly.Features.Letters;

namespace InnerAlly.Features.CareTeam;

/// <summary>
/// The guarded reads of a client's writing (journal, critic-to-ally records, letters, ally cards):
/// only entries this therapist may see under <see cref="Client.Sees"/>, that is the category from
/// the date it covers, less any entry kept private, plus any entry shared alone. Letters are shared
/// once finished, never as drafts. Callers record the look before they show what comes back.
/// </summary>
public sealed partial class CareAccess
{
    /// <summary>The newest shared entries of one kind, up to <paramref name="count"/>, newest first.</summary>
    public async Task<IReadOnlyList<PersonalWriting>> WritingAsync(Client client, string category, int count, CancellationToken cancellationToken) => category switch
    {
        SharingCategories.Journal => await VisibleAsync(db.JournalEntries, client, category, count, null, cancellationToken),
        SharingCategories.AllyRecords => await VisibleAsync(db.AllyRecords, client, category, count, null, cancellationToken),
        SharingCategories.Letters => await VisibleAsync(db.Letters, client, category, count, l => l.Status == Letter.Done, cancellationToken),
        SharingCategories.AllyCards => await VisibleAsync(db.AllyCards, client, category, count, null, cancellationToken),
        _ => throw new ArgumentException($"'{category}' is not a kind of writing.", nameof(category)),
    };

    /// <summary>One shared entry of the client's, of whichever kind it is; null when there is none or it is not shared with this therapist.</summary>
    public async Task<(string Category, PersonalWriting Entry)?> EntryAsync(Client client, Guid entryId, CancellationToken cancellationToken)
    {
        // A letter is shared only once finished: a draft is never the therapist's to read.
        var found = await EntrySharing.FindOwnAsync(client.ClientId, entryId, db, cancellationToken);
        if (found is null or Letter { IsDone: false } || EntrySharing.CategoryOf(found) is not { } category || !client.Sees(category, found.Id, found.CreatedAt))
        {
            return null;
        }

        return (category, found);
    }

    /// <summary>The support notices kept for the client from <paramref name="sinceUtc"/> on, by client, newest first, where safety notices are shared.</summary>
    public async Task<ILookup<Guid, SafetyNoticeRecord>> SafetyNoticesAsync(IReadOnlyCollection<Client> clients, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var sharing = Sharing(clients, SharingCategories.SafetyNotices);
        var ids = sharing.Keys.ToList();
        var rows = await db.SafetyNoticeRecords.AsNoTracking()
            .Where(r => ids.Contains(r.UserId) && r.At >= sinceUtc)
            .OrderByDescending(r => r.At)
            .ToListAsync(cancellationToken);
        return rows.Where(r => sharing[r.UserId].Covers(SharingCategories.SafetyNotices, r.At)).ToLookup(r => r.UserId);
    }

    private static async Task<IReadOnlyList<PersonalWriting>> VisibleAsync<T>(
        DbSet<T> items, Client client, string category, int count, System.Linq.Expressions.Expression<Func<T, bool>>? only, CancellationToken cancellationToken)
        where T : PersonalWriting
    {
        var alone = client.SharedAlone(category);
        var query = items.AsNoTracking().Where(x => x.UserId == client.ClientId);
        if (client.Shares(category))
        {
            var from = client.SharedFrom(category) ?? DateTime.MinValue;
            query = query.Where(x => x.CreatedAt >= from || alone.Contains(x.Id));
        }
        else if (alone.Count > 0)
        {
            query = query.Where(x => alone.Contains(x.Id));
        }
        else
        {
            return [];
        }

        if (only is not null)
        {
            query = query.Where(only);
        }

        // Entries kept private are left out here, after the database: enough more are read to fill the page.
        var rows = await query.OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Take(count + client.KeptPrivate(category)).ToListAsync(cancellationToken);
        return [.. rows.Where(x => client.Sees(category, x.Id, x.CreatedAt)).Take(count)];
    }
}
