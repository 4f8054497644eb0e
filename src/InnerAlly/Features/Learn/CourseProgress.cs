namespace InnerAlly.Features.Learn;

/// <summary>A person's way through the course: what they have read, where to continue, and their reflections.</summary>
public static class CourseProgress
{
    public sealed record Entry(Lesson Lesson, bool Read);

    public sealed record Overview(IReadOnlyList<Entry> Lessons, Lesson? ContinueWith);

    public sealed class ReflectionRequest
    {
        [Required(AllowEmptyStrings = false, ErrorMessage = "Write a few words first; there is no wrong answer.")]
        [StringLength(LessonState.ReflectionMaxLength, ErrorMessage = "A reflection can be up to 5,000 characters. Yours is longer; you could keep the rest in your journal.")]
        public string? Text { get; set; }
    }

    public static async Task<Overview> OverviewAsync(Guid userId, LessonCatalog course, AppDbContext db, CancellationToken cancellationToken)
    {
        var read = (await db.LessonStates.AsNoTracking()
            .Where(s => s.UserId == userId && s.ReadAt != null)
            .Select(s => s.Slug)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var entries = course.All.Select(l => new Entry(l, read.Contains(l.Slug))).ToList();
        // Continue after the furthest lesson read; if everything after it is read, the first unread anywhere.
        var furthest = entries.FindLastIndex(e => e.Read);
        var next = entries.Skip(furthest + 1).FirstOrDefault(e => !e.Read) ?? entries.FirstOrDefault(e => !e.Read);
        return new Overview(entries, next?.Lesson);
    }

    public static Task<LessonState?> StateAsync(Guid userId, string slug, AppDbContext db, CancellationToken cancellationToken) =>
        db.LessonStates.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId && s.Slug == slug, cancellationToken);

    public static async Task MarkReadAsync(Guid userId, string slug, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var state = await TrackedAsync(userId, slug, db, cancellationToken);
        state.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <returns>True when this is the person's first reflection on the lesson.</returns>
    public static async Task<bool> SaveReflectionAsync(Guid userId, string slug, string text, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var state = await TrackedAsync(userId, slug, db, cancellationToken);
        var first = state.Reflection is null;
        state.Reflect(text, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return first;
    }

    private static async Task<LessonState> TrackedAsync(Guid userId, string slug, AppDbContext db, CancellationToken cancellationToken)
    {
        var state = await db.LessonStates.FirstOrDefaultAsync(s => s.UserId == userId && s.Slug == slug, cancellationToken);
        if (state is null)
        {
            state = LessonState.Start(userId, slug);
            db.LessonStates.Add(state);
        }

        return state;
    }
}
