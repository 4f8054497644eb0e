using InnerAlly.Features.Learn;

namespace InnerAlly.Features.CareTeam;

/// <summary>
/// The guarded reads of lessons read, lesson reflections and the safety plan: each only where the
/// client shares that category now and the item's date falls in what is shared (the plan and a
/// reflection by when they were last changed). Callers record the look first.
/// </summary>
public sealed partial class CareAccess
{
    public sealed record LessonRead(string Slug, DateTime ReadAt);

    /// <summary>The lessons the client has read, newest first.</summary>
    public async Task<IReadOnlyList<LessonRead>> LessonsReadAsync(Client client, CancellationToken cancellationToken)
    {
        if (!client.Shares(SharingCategories.Lessons))
        {
            return [];
        }

        var from = client.SharedFrom(SharingCategories.Lessons) ?? DateTime.MinValue;
        return await db.LessonStates.AsNoTracking()
            .Where(s => s.UserId == client.ClientId && s.ReadAt != null && s.ReadAt >= from)
            .OrderByDescending(s => s.ReadAt)
            .Select(s => new LessonRead(s.Slug, s.ReadAt!.Value))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The client's lesson reflections, the latest changed first.</summary>
    public async Task<IReadOnlyList<LessonState>> ReflectionsAsync(Client client, CancellationToken cancellationToken)
    {
        if (!client.Shares(SharingCategories.LessonReflections))
        {
            return [];
        }

        var from = client.SharedFrom(SharingCategories.LessonReflections) ?? DateTime.MinValue;
        return await db.LessonStates.AsNoTracking()
            .Where(s => s.UserId == client.ClientId && s.Reflection != null && s.ReflectionUpdatedAt >= from)
            .OrderByDescending(s => s.ReflectionUpdatedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The client's safety plan, or null when there is none or it is not shared.</summary>
    public async Task<SafetyPlan?> SafetyPlanAsync(Client client, CancellationToken cancellationToken)
    {
        if (!client.Shares(SharingCategories.SafetyPlan))
        {
            return null;
        }

        var plan = await db.SafetyPlans.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == client.ClientId, cancellationToken);
        return plan is not null && client.Covers(SharingCategories.SafetyPlan, plan.UpdatedAt) ? plan : null;
    }
}
