namespace InnerAlly.Features.CareTeam;

/// <summary>A client's therapists on InnerAlly, with what each one sees, and who has looked at what.</summary>
public static class ListCareTeam
{
    public sealed record SharedCategory(string Category, string Name, bool IncludingEarlier, DateTime Since);

    public sealed record Therapist(Guid Id, string TherapistName, string ClinicName, string ClientName, DateTime StartedAt, IReadOnlyList<SharedCategory> Sharing);

    /// <param name="Therapist">The therapist's name as it was when they looked.</param>
    /// <param name="Categories">The categories read, as keys.</param>
    public sealed record Look(DateTime At, string Therapist, IReadOnlyList<string> Categories, string Via);

    /// <summary>The client's active care relationships, oldest first.</summary>
    public static async Task<IReadOnlyList<Therapist>> HandleAsync(Guid clientId, AppDbContext db, CancellationToken cancellationToken)
    {
        var relationships = await db.CareRelationships.AsNoTracking()
            .Where(r => r.UserId == clientId && r.EndedAt == null)
            .Join(db.StaffMembers, r => r.TherapistId, m => m.Id, (r, m) => new { Relationship = r, m.DisplayName })
            .Join(db.Clinics, x => x.Relationship.ClinicId, c => c.Id, (x, c) => new { x.Relationship, x.DisplayName, Clinic = c.Name })
            .ToListAsync(cancellationToken);
        var ids = relationships.Select(r => r.Relationship.Id).ToList();
        var sharing = (await db.SharingChoices.AsNoTracking().Where(s => ids.Contains(s.RelationshipId)).ToListAsync(cancellationToken)).ToLookup(s => s.RelationshipId);
        return
        [
            .. relationships.OrderBy(r => r.Relationship.StartedAt).Select(r => new Therapist(
                r.Relationship.Id, r.DisplayName, r.Clinic, r.Relationship.ClientName, r.Relationship.StartedAt,
                [.. SharingCategories.All
                    .Select(c => sharing[r.Relationship.Id].FirstOrDefault(s => s.Category == c.Key) is { } s ? new SharedCategory(c.Key, c.Name, s.IncludesEarlier, s.Since) : null)
                    .OfType<SharedCategory>()])),
        ];
    }

    /// <summary>Every look at the client's data, newest first (at most <paramref name="limit"/>).</summary>
    public static async Task<IReadOnlyList<Look>> LooksAsync(Guid clientId, AppDbContext db, CancellationToken cancellationToken, int limit = 200) =>
        (await db.CareAccessRecords.AsNoTracking()
            .Where(r => r.ClientId == clientId)
            .OrderByDescending(r => r.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken))
        .Select(r => new Look(r.At, r.TherapistName, r.Categories, r.Via))
        .ToList();

    /// <summary>"check-in ratings and questionnaires": the categories of a look, in words.</summary>
    public static string Describe(IReadOnlyList<string> categories)
    {
        var names = categories.Select(c => SharingCategories.Find(c)?.Name.ToLowerInvariant() ?? c).ToList();
        return names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names[..^1])} and {names[^1]}";
    }
}
