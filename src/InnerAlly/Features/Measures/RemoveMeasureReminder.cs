namespace InnerAlly.Features.Measures;

/// <summary>Stops the reminder for one questionnaire.</summary>
public static class RemoveMeasureReminder
{
    /// <returns>False when the person had no reminder for it.</returns>
    public static async Task<bool> HandleAsync(string code, Guid userId, AppDbContext db, CancellationToken cancellationToken) =>
        await db.MeasureReminders.Where(r => r.UserId == userId && r.InstrumentCode == code).ExecuteDeleteAsync(cancellationToken) > 0;
}
