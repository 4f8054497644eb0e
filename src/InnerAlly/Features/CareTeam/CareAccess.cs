using InnerAlly.Features.Clinics;

namespace InnerAlly.Features.CareTeam;

/// <summary>
/// The one rule for every read of another person's data. A therapist may read category C of
/// client Y only when: they are an active therapist of the clinic; the two have an active care
/// relationship in that clinic; Y shares C with them now; and the item falls in what is shared
/// (its date from when sharing began, unless Y included what came before). Every read that passes
/// writes one row to Y's access record first. Anything else finds nothing, and the caller answers
/// 404 exactly as for an id that does not exist. Nothing here is cached: each request reads the
/// relationship and the sharing afresh, so revoking takes effect on the very next one.
/// Clinic admins have no clinical access by that role.
/// </summary>
public sealed partial class CareAccess(AppDbContext db, TimeProvider clock)
{
    private const int AppendAttempts = 5;

    /// <summary>The first half of the PostgreSQL advisory lock on one client's access chain ("care" in ASCII); the second half comes from the client's id.</summary>
    private const int AppendLockSpace = 0x63617265;

    /// <summary>What one therapist may see of one client, read at the start of this request.</summary>
    /// <param name="Entries">The client's marks on single pieces of writing for this therapist, by entry id.</param>
    public sealed record Client(
        CareRelationship Relationship, StaffMember Therapist, IReadOnlyDictionary<string, SharingChoice> Sharing, IReadOnlyDictionary<Guid, EntryShare> Entries)
    {
        public Guid ClientId => Relationship.UserId;

        public bool Shares(string category) => Sharing.ContainsKey(category);

        /// <summary>The earliest moment shared in the category (null for everything); only meaningful where <see cref="Shares"/>.</summary>
        public DateTime? SharedFrom(string category) => Sharing.TryGetValue(category, out var choice) ? choice.SharedFrom : null;

        public bool Covers(string category, DateTime when) => Shares(category) && (SharedFrom(category) is not { } from || when >= from);

        /// <summary>
        /// Whether one entry of a kind of writing is shared: its own mark ("keep this one private",
        /// "share this one") where the client set one, else its category and date.
        /// </summary>
        public bool Sees(string category, Guid entryId, DateTime when) =>
            Entries.TryGetValue(entryId, out var mark) && mark.Category == category ? mark.Shared : Covers(category, when);

        /// <summary>The entries shared alone in a category that may itself be unshared.</summary>
        public IReadOnlyList<Guid> SharedAlone(string category) => [.. Entries.Values.Where(e => e.Category == category && e.Shared).Select(e => e.EntryId)];

        /// <summary>The entries kept private in a category.</summary>
        public int KeptPrivate(string category) => Entries.Values.Count(e => e.Category == category && !e.Shared);

        /// <summary>True where the therapist may see something of this kind of writing: the category, or one entry shared alone.</summary>
        public bool ReadsWriting(string category) => Shares(category) || Entries.Values.Any(e => e.Category == category && e.Shared);
    }

    /// <summary>Every active client of this therapist, across the clinics where they are an active therapist.</summary>
    public async Task<IReadOnlyList<Client>> CaseloadAsync(Guid therapistUserId, CancellationToken cancellationToken) =>
        await WithSharingAsync(await Active(therapistUserId).OrderBy(x => x.Relationship.ClientName).ToListAsync(cancellationToken), cancellationToken);

    /// <summary>One of this therapist's active clients, by the relationship's id; null for anything else.</summary>
    public async Task<Client?> ClientAsync(Guid therapistUserId, Guid relationshipId, CancellationToken cancellationToken) =>
        (await WithSharingAsync(await Active(therapistUserId).Where(x => x.Relationship.Id == relationshipId).ToListAsync(cancellationToken), cancellationToken))
            .SingleOrDefault();

    /// <summary>
    /// One of the client's own active relationships, as its therapist would find it: what the
    /// client's preview of the therapist's page reads, through the same queries. Null for anyone
    /// else's relationship, or one that has ended.
    /// </summary>
    public async Task<Client?> OwnAsync(Guid clientUserId, Guid relationshipId, CancellationToken cancellationToken) =>
        (await WithSharingAsync(await (
            from relationship in db.CareRelationships.AsNoTracking()
            join therapist in db.StaffMembers.AsNoTracking() on relationship.TherapistId equals (Guid?)therapist.Id
            where relationship.UserId == clientUserId && relationship.Id == relationshipId && relationship.EndedAt == null
            select new Pair { Relationship = relationship, Therapist = therapist }).ToListAsync(cancellationToken), cancellationToken))
            .SingleOrDefault();

    /// <summary>
    /// Writes one access row per client for what this request is about to show (the categories of
    /// theirs that it reads), before any of it is shown. A client whose categories are all unshared
    /// gets no row: nothing of theirs was read.
    /// </summary>
    public async Task RecordAsync(IReadOnlyCollection<(Client Client, IReadOnlyList<string> Categories)> looks, Guid? entryId, HttpContext http, CancellationToken cancellationToken)
    {
        var due = looks.Where(l => l.Categories.Count > 0).ToList();
        if (due.Count == 0)
        {
            return;
        }

        var via = Via(http);
        // Each client's chain takes appends in turn. On PostgreSQL a transaction-scoped advisory
        // lock per client, taken in one order, makes two looks at the same client (one therapist's
        // two tabs, two therapists of one client, two instances) follow each other, while looks at
        // different clients never wait; on SQLite the process's one writer is held from BEGIN to
        // COMMIT, so appends queue in the process instead of in the driver's busy wait. The unique
        // (client, sequence) stays the last word, and a request that still meets one (SQLite files
        // shared by two processes) reads again.
        var keys = due.Select(l => ChainLock(l.Client.ClientId)).Distinct().Order().ToArray();
        for (var attempt = 1; ; attempt++)
        {
            await using var writer = await db.HoldWriterAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db is PostgresAppDbContext)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AppendLockSpace}, k) FROM unnest({keys}) AS k ORDER BY k", cancellationToken);
            }

            var (added, ends) = await AppendAsync(due, entryId, via, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < AppendAttempts)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
            finally
            {
                // Untracked either way: a second attempt reads the ends afresh, and nothing else this request saves touches them.
                foreach (var entity in added.Cast<object>().Concat(ends))
                {
                    db.Entry(entity).State = EntityState.Detached;
                }
            }
        }
    }

    /// <summary>
    /// The second half of a client's chain lock: the last four bytes of their id, random in both
    /// version 4 and version 7 ids (the first bytes of a version 7 id are its time). The same on
    /// every instance; a clash only makes two clients take turns.
    /// </summary>
    private static int ChainLock(Guid clientId) => BitConverter.ToInt32(clientId.ToByteArray(), 12);

    private async Task<(List<CareAccessRecord> Rows, List<CareAccessChainEnd> Ends)> AppendAsync(List<(Client Client, IReadOnlyList<string> Categories)> due, Guid? entryId, string via, CancellationToken cancellationToken)
    {
        var ids = due.Select(l => l.Client.ClientId).Distinct().ToList();
        var ends = await db.CareAccessChainEnds.Where(e => ids.Contains(e.ClientId)).ToDictionaryAsync(e => e.ClientId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = new List<CareAccessRecord>();
        foreach (var (client, categories) in due)
        {
            if (!ends.TryGetValue(client.ClientId, out var end))
            {
                end = CareAccessChainEnd.Start(client.ClientId);
                db.CareAccessChainEnds.Add(end);
                ends[client.ClientId] = end;
            }

            var record = CareAccessRecord.Append(end, client.ClientId, client.Relationship.Id, client.Therapist.UserId, client.Therapist.DisplayName, categories, entryId, via, now);
            end.MoveTo(record);
            added.Add(record);
        }

        db.CareAccessRecords.AddRange(added);
        return (added, [.. ends.Values]);
    }

    public Task RecordAsync(Client client, IReadOnlyList<string> categories, Guid? entryId, HttpContext http, CancellationToken cancellationToken) =>
        RecordAsync([(client, categories)], entryId, http, cancellationToken);

    /// <summary>"GET /api/v1/caseload/{id}" or "GET /caseload/{id}": the route template, never the values in it.</summary>
    public static string Via(HttpContext http) =>
        $"{http.Request.Method} {(http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } template } ? "/" + template.Trim('/') : http.Request.Path.Value)}";

    private IQueryable<Pair> Active(Guid therapistUserId) =>
        from relationship in db.CareRelationships.AsNoTracking()
        join therapist in db.StaffMembers.AsNoTracking() on relationship.TherapistId equals (Guid?)therapist.Id
        where therapist.UserId == therapistUserId && therapist.IsTherapist && therapist.DeactivatedAt == null
            && therapist.ClinicId == relationship.ClinicId && relationship.EndedAt == null
        select new Pair { Relationship = relationship, Therapist = therapist };

    private async Task<IReadOnlyList<Client>> WithSharingAsync(List<Pair> found, CancellationToken cancellationToken)
    {
        var ids = found.Select(f => f.Relationship.Id).ToList();
        var sharing = (await db.SharingChoices.AsNoTracking().Where(s => ids.Contains(s.RelationshipId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.RelationshipId);
        var marks = (await db.EntryShares.AsNoTracking().Where(s => ids.Contains(s.RelationshipId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.RelationshipId);
        return [.. found.Select(f => new Client(
            f.Relationship, f.Therapist, sharing[f.Relationship.Id].ToDictionary(s => s.Category, StringComparer.Ordinal), marks[f.Relationship.Id].ToDictionary(s => s.EntryId)))];
    }

    private sealed class Pair
    {
        public required CareRelationship Relationship { get; init; }

        public required StaffMember Therapist { get; init; }
    }
}
