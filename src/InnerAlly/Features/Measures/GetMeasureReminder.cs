namespace InnerAlly.Features.Measures;

/// <summary>The person's reminder for one questionnaire, if they set one.</summary>
public static class GetMeasureReminder
{
    public static Task<MeasureReminder?> HandleAsync(string code, Guid userId, AppDbContext db, CancellationToken cancellationToken) =>
        db.MeasureReminders.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.InstrumentCode == code, cancellationToken);
}
