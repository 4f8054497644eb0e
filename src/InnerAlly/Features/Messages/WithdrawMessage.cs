namespace InnerAlly.Features.Messages;

/// <summary>Its writer takes a message back within 5 minutes of sending it: its words are removed, and the thread shows that a message was withdrawn.</summary>
public static class WithdrawMessage
{
    public const string TooLate = "A message can be withdrawn for 5 minutes after it is sent, and this one was sent longer ago. You could send another to say what you meant.";

    public enum Outcome
    {
        Withdrawn,
        NotFound,
        TooLate,
    }

    public static async Task<Outcome> HandleAsync(FindThread.Thread thread, Guid messageId, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == messageId && m.RelationshipId == thread.Id && m.From == thread.Side, cancellationToken);
        if (message is null || message.IsWithdrawn)
        {
            return Outcome.NotFound;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (!thread.IsOpen || !message.CanWithdraw(now))
        {
            return Outcome.TooLate;
        }

        message.Withdraw(now);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Withdrawn;
    }
}
