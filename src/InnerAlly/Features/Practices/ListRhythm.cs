using InnerAlly.Features.Calendar;

namespace InnerAlly.Features.Practices;

/// <summary>The person's weekly rhythm, earliest time of day first.</summary>
public static class ListRhythm
{
    public sealed record ItemResponse(Guid Id, string PracticeId, string PracticeTitle, int Minutes, IReadOnlyList<string> Days, string Time);

    public static ItemResponse ToResponse(PracticeRhythmItem i, PracticeCatalog practices) => new(
        i.Id,
        i.PracticeId,
        practices.TitleOf(i.PracticeId),
        i.Minutes,
        [.. i.DaysOfWeek.Select(Weekdays.Id)],
        CalendarTime.Format(i.TimeOfDay));

    public static async Task<IReadOnlyList<PracticeRhythmItem>> HandleAsync(Guid userId, AppDbContext db, CancellationToken cancellationToken)
    {
        var items = await db.PracticeRhythmItems.AsNoTracking().Where(i => i.UserId == userId).ToListAsync(cancellationToken);
        return [.. items.OrderBy(i => i.TimeOfDay).ThenBy(i => i.CreatedAt)];
    }
}
