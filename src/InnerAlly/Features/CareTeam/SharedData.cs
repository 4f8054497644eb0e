using InnerAlly.Features.CheckIns;
using InnerAlly.Features.Measures;

namespace InnerAlly.Features.CareTeam;

/// <summary>
/// The queries the rule guards: each reads only clients who share the category now, and keeps only
/// what falls in what they share (<see cref="Client.Covers"/>). Several clients are read at once for
/// the caseload. These are the only reads of a client's data on the therapist's side; each caller
/// writes its access rows (<see cref="RecordAsync(IReadOnlyCollection{ValueTuple{Client, IReadOnlyList{string}}}, Guid?, HttpContext, CancellationToken)"/>)
/// before it shows what they return.
/// </summary>
public sealed partial class CareAccess
{
    public sealed record Practice(Guid Id, string PracticeId, DateTime StartedAt, int DurationSeconds, int? ThreatBefore, int? SootheBefore, int? ThreatAfter, int? SootheAfter);

    /// <summary>Check-in ratings from <paramref name="sinceUtc"/> on, by client, oldest first.</summary>
    public async Task<ILookup<Guid, CheckInTrend.Reading>> RatingsAsync(IReadOnlyCollection<Client> clients, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var sharing = Sharing(clients, SharingCategories.CheckInRatings);
        var ids = sharing.Keys.ToList();
        var rows = await db.CheckIns.AsNoTracking()
            .Where(c => ids.Contains(c.UserId) && c.RecordedAt >= sinceUtc)
            .OrderBy(c => c.RecordedAt)
            .Select(c => new { c.UserId, Rating = new CheckInTrend.Reading(c.RecordedAt, c.Threat, c.Drive, c.Soothe) })
            .ToListAsync(cancellationToken);
        return rows.Where(r => sharing[r.UserId].Covers(SharingCategories.CheckInRatings, r.Rating.At)).ToLookup(r => r.UserId, r => r.Rating);
    }

    /// <summary>
    /// When each client last checked in, where that check-in is shared. <paramref name="known"/>
    /// holds shared ratings already read (newest last): a client with one there needs no query.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, DateTime>> LastCheckInsAsync(IReadOnlyCollection<Client> clients, ILookup<Guid, CheckInTrend.Reading> known, CancellationToken cancellationToken)
    {
        var sharing = Sharing(clients, SharingCategories.CheckInRatings);
        var found = sharing.Keys.Where(id => known[id].Any()).ToDictionary(id => id, id => known[id].Max(r => r.At));
        var ids = sharing.Keys.Where(id => !found.ContainsKey(id)).ToList();
        if (ids.Count == 0)
        {
            return found;
        }

        var last = await db.CheckIns.AsNoTracking()
            .Where(c => ids.Contains(c.UserId))
            .GroupBy(c => c.UserId)
            .Select(g => new { UserId = g.Key, At = g.Max(c => c.RecordedAt) })
            .ToListAsync(cancellationToken);
        // The latest check-in is the latest shared one unless it falls before sharing began, and then none is.
        foreach (var l in last.Where(l => sharing[l.UserId].Covers(SharingCategories.CheckInRatings, l.At)))
        {
            found[l.UserId] = l.At;
        }

        return found;
    }

    /// <summary>One client's most recent check-ins, newest first, with their notes only where notes are shared too.</summary>
    public async Task<IReadOnlyList<(CheckIn CheckIn, bool NoteShared)>> CheckInsAsync(Client client, int count, CancellationToken cancellationToken)
    {
        if (!client.Shares(SharingCategories.CheckInRatings))
        {
            return [];
        }

        var from = client.SharedFrom(SharingCategories.CheckInRatings) ?? DateTime.MinValue;
        var rows = await db.CheckIns.AsNoTracking()
            .Where(c => c.UserId == client.ClientId && c.RecordedAt >= from)
            .OrderByDescending(c => c.RecordedAt)
            .Take(count)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(c => (c, client.Covers(SharingCategories.CheckInNotes, c.RecordedAt)))];
    }

    /// <summary>Practice sessions from <paramref name="sinceUtc"/> on, by client, newest first (never their notes).</summary>
    public async Task<ILookup<Guid, Practice>> PracticesAsync(IReadOnlyCollection<Client> clients, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var sharing = Sharing(clients, SharingCategories.Practices);
        var ids = sharing.Keys.ToList();
        var rows = await db.PracticeSessions.AsNoTracking()
            .Where(s => ids.Contains(s.UserId) && s.StartedAt >= sinceUtc)
            .OrderByDescending(s => s.StartedAt)
            .Select(s => new { s.UserId, Practice = new Practice(s.Id, s.PracticeId, s.StartedAt, s.DurationSeconds, s.ThreatBefore, s.SootheBefore, s.ThreatAfter, s.SootheAfter) })
            .ToListAsync(cancellationToken);
        return rows.Where(r => sharing[r.UserId].Covers(SharingCategories.Practices, r.Practice.StartedAt)).ToLookup(r => r.UserId, r => r.Practice);
    }

    /// <summary>
    /// Complete questionnaire responses, by client. Change is worked out against the client's first
    /// shared response, so a response outside what is shared never shapes what the therapist sees.
    /// </summary>
    public async Task<ILookup<Guid, MeasureResponse>> QuestionnairesAsync(IReadOnlyCollection<Client> clients, CancellationToken cancellationToken)
    {
        var sharing = Sharing(clients, SharingCategories.Questionnaires);
        var ids = sharing.Keys.ToList();
        var rows = await db.MeasureResponses.AsNoTracking()
            .Where(r => ids.Contains(r.UserId) && r.Status == MeasureResponse.Complete)
            .ToListAsync(cancellationToken);
        return rows.Where(r => sharing[r.UserId].Covers(SharingCategories.Questionnaires, r.CompletedAt!.Value)).ToLookup(r => r.UserId);
    }

    /// <summary>
    /// For the caseload: each client's first and latest shared complete response to each
    /// questionnaire, all a caseload row needs (the latest score, and its change from the first).
    /// The dates are read first and only those responses are opened, not every one.
    /// </summary>
    public async Task<ILookup<Guid, MeasureResponse>> QuestionnaireEndsAsync(IReadOnlyCollection<Client> clients, CancellationToken cancellationToken)
    {
        var sharing = Sharing(clients, SharingCategories.Questionnaires);
        var ids = sharing.Keys.ToList();
        var dates = await db.MeasureResponses.AsNoTracking()
            .Where(r => ids.Contains(r.UserId) && r.Status == MeasureResponse.Complete)
            .Select(r => new { r.Id, r.UserId, r.InstrumentCode, CompletedAt = r.CompletedAt!.Value })
            .ToListAsync(cancellationToken);
        var ends = dates
            .Where(r => sharing[r.UserId].Covers(SharingCategories.Questionnaires, r.CompletedAt))
            .GroupBy(r => (r.UserId, r.InstrumentCode))
            .SelectMany(g =>
            {
                var ordered = g.OrderBy(r => r.CompletedAt).ThenBy(r => r.Id).ToList();
                return new[] { ordered[0].Id, ordered[^1].Id }.Distinct();
            })
            .ToList();
        var rows = await db.MeasureResponses.AsNoTracking().Where(r => ends.Contains(r.Id)).ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.UserId);
    }

    private static Dictionary<Guid, Client> Sharing(IReadOnlyCollection<Client> clients, string category) =>
        clients.Where(c => c.Shares(category)).GroupBy(c => c.ClientId).ToDictionary(g => g.Key, g => g.First());
}
