namespace InnerAlly.Features.Letters;

/// <summary>
/// After a check-in with a loud threat system and a quiet soothe system, the next page gently offers
/// a letter the person wrote to themselves (a finished one first), or else their ally cards.
/// </summary>
public static class RereadOffer
{
    public const int ThreatAtLeast = 7;
    public const int SootheAtMost = 3;

    /// <param name="LetterId">The letter to offer, or null to offer the ally cards.</param>
    public sealed record Offer(Guid? LetterId);

    public static bool IsHeavy(int threat, int soothe) => threat >= ThreatAtLeast && soothe <= SootheAtMost;

    /// <summary>What to offer after this check-in, or null: not a heavy moment, or nothing written to offer.</summary>
    public static async Task<Offer?> ForAsync(int threat, int soothe, Guid userId, AppDbContext db, CancellationToken cancellationToken)
    {
        if (!IsHeavy(threat, soothe))
        {
            return null;
        }

        // The latest letter finished, else the latest draft.
        var letter = await db.Letters.AsNoTracking()
            .Where(l => l.UserId == userId)
            .OrderByDescending(l => l.Status == Letter.Done)
            .ThenByDescending(l => l.UpdatedAt)
            .Select(l => (Guid?)l.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (letter is not null)
        {
            return new Offer(letter);
        }

        return await db.AllyCards.AnyAsync(c => c.UserId == userId, cancellationToken) ? new Offer(null) : null;
    }
}
