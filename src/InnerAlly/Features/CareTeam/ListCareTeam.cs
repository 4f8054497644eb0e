namespace InnerAlly.Features.CareTeam;

/// <summary>A client's therapists on InnerAlly, with what each one sees, and who has looked at what.</summary>
public static class ListCareTeam
{
    public sealed record SharedCategory(string Category, string Name, bool IncludingEarlier, DateTime Since);

    /// <param name="SeesNow">False while the therapist is not an active therapist of the clinic (deactivated, or no longer a therapist there): they see none of the sharing until they are again.</param>
    public sealed record Therapist(Guid Id, string TherapistName, string ClinicName, string ClientName, DateTime StartedAt, IReadOnlyList<SharedCategory> Sharing, bool SeesNow);

    /// <param name="Therapist">The therapist's name as it was when they looked.</param>
    /// <param name="Categories">The categories read, as keys.</param>
    /// <param name="EntryId">The one entry read, when the look was at a single piece of writing.</param>
    public sealed record Look(DateTime At, string Therapist, IReadOnlyList<string> Categories, Guid? EntryId, string Via);

    /// <summary>The client's active care relationships, oldest first.</summary>
    public static async Task<IReadOnlyList<Therapist>> HandleAsync(Guid clientId, AppDbContext db, CancellationToken cancellationToken) =>
        [.. (await RelationshipsAsync(clientId, activeOnly: true, db, cancellationToken)).Select(r => new Therapist(
            r.Relationship.Id, r.TherapistName, r.ClinicName, r.Relationship.ClientName, r.Relationship.StartedAt, r.Sharing, r.TherapistSeesNow))];

    /// <summary>A relationship with its therapist's and clinic's names, what it shares (in the order of <see cref="SharingCategories.All"/>) and the client's marks on single entries.</summary>
    public sealed record Found(CareRelationship Relationship, string TherapistName, string ClinicName, IReadOnlyList<SharedCategory> Sharing, IReadOnlyList<EntryShare> Entries, bool TherapistSeesNow);

    /// <summary>The client's care relationships (active ones only, or every one for the export), oldest first: the one query both read.</summary>
    public static async Task<IReadOnlyList<Found>> RelationshipsAsync(Guid clientId, bool activeOnly, AppDbContext db, CancellationToken cancellationToken)
    {
        var relationships = await db.CareRelationships.AsNoTracking()
            .Where(r => r.UserId == clientId && (!activeOnly || r.EndedAt == null))
            .GroupJoin(db.StaffMembers, r => r.TherapistId, m => (Guid?)m.Id, (r, m) => new { Relationship = r, Staff = m })
            .SelectMany(x => x.Staff.DefaultIfEmpty(), (x, m) => new
            {
                x.Relationship,
                DisplayName = m == null ? x.Relationship.TherapistName : m.DisplayName,
                SeesNow = m != null && m.DeactivatedAt == null && m.IsTherapist,
            })
            .Join(db.Clinics, x => x.Relationship.ClinicId, c => c.Id, (x, c) => new { x.Relationship, x.DisplayName, x.SeesNow, Clinic = c.Name })
            .ToListAsync(cancellationToken);
        var ids = relationships.Select(r => r.Relationship.Id).ToList();
        var sharing = (await db.SharingChoices.AsNoTracking().Where(s => ids.Contains(s.RelationshipId)).ToListAsync(cancellationToken)).ToLookup(s => s.RelationshipId);
        var marks = (await db.EntryShares.AsNoTracking().Where(s => ids.Contains(s.RelationshipId)).ToListAsync(cancellationToken)).ToLookup(s => s.RelationshipId);
        return
        [
            .. relationships.OrderBy(r => r.Relationship.StartedAt).Select(r => new Found(
                r.Relationship, r.DisplayName, r.Clinic,
                [.. SharingCategories.All
                    .Select(c => sharing[r.Relationship.Id].FirstOrDefault(s => s.Category == c.Key) is { } s ? new SharedCategory(c.Key, c.Name, s.IncludesEarlier, s.Since) : null)
                    .OfType<SharedCategory>()],
                [.. marks[r.Relationship.Id].OrderBy(m => m.ChangedAt)],
                r.SeesNow && r.Relationship.EndedAt == null)),
        ];
    }

    /// <summary>Every look at the client's data, newest first (at most <paramref name="limit"/>).</summary>
    public static async Task<IReadOnlyList<Look>> LooksAsync(Guid clientId, AppDbContext db, CancellationToken cancellationToken, int limit = 200) =>
        (await db.CareAccessRecords.AsNoTracking()
            .Where(r => r.ClientId == clientId)
            .OrderByDescending(r => r.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken))
        .Select(r => new Look(r.At, r.TherapistName, r.Categories, r.EntryId, r.Via))
        .ToList();

    /// <summary>"check-in ratings and questionnaires": the categories of a look, in words.</summary>
    public static string Describe(IReadOnlyList<string> categories)
    {
        var names = categories.Select(c => SharingCategories.Find(c)?.Name.ToLowerInvariant() ?? c).ToList();
        return names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names[..^1])} and {names[^1]}";
    }
}
