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

    /// <summary>When each client last checked in, where that check-in is shared.</summary>
    public async Task<IReadOnlyDictionary<Guid, DateTime>> LastCheckInsAsync(IReadOnlyCollection<Client> clients, CancellationToken cancellationToken)
    {
        var sharing = Sharing(clients, SharingCategories.CheckInRatings);
        var ids = sharing.Keys.ToList();
        var last = await db.CheckIns.AsNoTracking()
            .Where(c => ids.Contains(c.UserId))
            .GroupBy(c => c.UserId)
            .Select(g => new { UserId = g.Key, At = g.Max(c => c.RecordedAt) })
            .ToListAsync(cancellationToken);
        // The latest check-in is the latest shared one unless it falls before sharing began, and then none is.
        return last.Where(l => sharing[l.UserId].Covers(SharingCategories.CheckInRatings, l.At)).ToDictionary(l => l.UserId, l => l.At);
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

    private static Dictionary<Guid, Client> Sharing(IReadOnlyCollection<Client> clients, string category) =>
        clients.Where(c => c.Shares(category)).GroupBy(c => c.ClientId).ToDictionary(g => g.Key, g => g.First());
}
