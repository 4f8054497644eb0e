namespace InnerAlly.Features.CheckIns;

/// <summary>One check-in, found only when it belongs to the person asking; anyone else finds nothing.</summary>
public static class FindCheckIn
{
    public static Task<CheckIn?> HandleAsync(Guid id, Guid userId, AppDbContext db, CancellationToken cancellationToken) =>
        db.CheckIns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId, cancellationToken);
}
