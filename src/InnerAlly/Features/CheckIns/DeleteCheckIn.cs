namespace InnerAlly.Features.CheckIns;

public static partial class DeleteCheckIn
{
    /// <returns>false when there is no such check-in for this person (the caller answers 404).</returns>
    public static async Task<bool> HandleAsync(Guid id, Guid userId, AppDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var checkIn = await db.CheckIns.SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId, cancellationToken);
        if (checkIn is null)
        {
            return false;
        }

        db.CheckIns.Remove(checkIn);
        await db.SaveChangesAsync(cancellationToken);
        Log.Deleted(logger, id);
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Check-in {CheckInId} deleted")]
        public static partial void Deleted(ILogger logger, Guid checkInId);
    }
}
