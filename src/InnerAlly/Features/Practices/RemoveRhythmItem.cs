namespace InnerAlly.Features.Practices;

/// <summary>Takes a line out of the person's week.</summary>
public static class RemoveRhythmItem
{
    /// <returns>False when there is no such line of this person's (someone else's is never touched).</returns>
    public static async Task<bool> HandleAsync(Guid id, Guid userId, AppDbContext db, CancellationToken cancellationToken) =>
        await db.PracticeRhythmItems.Where(i => i.Id == id && i.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;
}
