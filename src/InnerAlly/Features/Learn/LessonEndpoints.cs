using InnerAlly.Features.Practices;
using InnerAlly.Language;

namespace InnerAlly.Features.Learn;

/// <summary>The course: /api/v1/lessons, with each person's own progress and reflections.</summary>
public static class LessonEndpoints
{
    public static RouteGroupBuilder MapLessons(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/v1/lessons", "Learn");
        group.MapGet("/", ListAsync).WithName("ListLessons");
        group.MapGet("/{slug}", GetAsync).WithName("GetLesson");
        group.MapPost("/{slug}/read", ReadAsync).WithName("MarkLessonRead");
        group.MapPost("/{slug}/reflection", ReflectAsync).WithName("SaveLessonReflection").ProducesValidationProblem();
        return group;
    }

    public sealed record LessonSummary(string Slug, string Title, string Summary, int Minutes, bool Read);

    public sealed record CourseResponse(IReadOnlyList<LessonSummary> Items, string? ContinueWith);

    public sealed record PracticeLink(string Id, string Title);

    public sealed record ReflectionResponse(
        string Text,
        DateTime? UpdatedAt,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] Safety.SafetyNotice? Safety = null);

    public sealed record LessonResponse(
        string Slug, string Title, string Summary, int Minutes, string Body, IReadOnlyList<string> References,
        PracticeLink? Practice, string ReflectionQuestion, ReflectionResponse? Reflection, bool Read);

    /// <summary>The course, in order, with which lessons you have read and which to continue with.</summary>
    public static async Task<Ok<CourseResponse>> ListAsync(ClaimsPrincipal user, LessonCatalog course, AppDbContext db, CancellationToken cancellationToken)
    {
        var overview = await CourseProgress.OverviewAsync(user.GetUserId(), course, db, cancellationToken);
        return TypedResults.Ok(new CourseResponse(
            [.. overview.Lessons.Select(e => new LessonSummary(e.Lesson.Slug, e.Lesson.Title, e.Lesson.Summary, e.Lesson.Minutes, e.Read))],
            overview.ContinueWith?.Slug));
    }

    /// <summary>One lesson: its body as HTML, its references, its linked practice, and your own reflection if you wrote one.</summary>
    public static async Task<Results<Ok<LessonResponse>, NotFound>> GetAsync(
        string slug, ClaimsPrincipal user, LessonCatalog course, PracticeCatalog practices, AppDbContext db, CancellationToken cancellationToken)
    {
        if (course.Find(slug) is not { } lesson)
        {
            return TypedResults.NotFound();
        }

        var state = await CourseProgress.StateAsync(user.GetUserId(), slug, db, cancellationToken);
        var practice = practices.Find(lesson.Practice);
        return TypedResults.Ok(new LessonResponse(
            lesson.Slug, lesson.Title, lesson.Summary, lesson.Minutes, lesson.Html, lesson.References,
            practice is null ? null : new PracticeLink(practice.Id, practice.Title),
            lesson.Reflection,
            state?.Reflection is { } text ? new ReflectionResponse(text, state.ReflectionUpdatedAt) : null,
            state?.ReadAt is not null));
    }

    /// <summary>Mark a lesson as read.</summary>
    public static async Task<Results<NoContent, NotFound>> ReadAsync(
        string slug, ClaimsPrincipal user, LessonCatalog course, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (course.Find(slug) is null)
        {
            return TypedResults.NotFound();
        }

        await CourseProgress.MarkReadAsync(user.GetUserId(), slug, db, clock, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Save your answer to the lesson's question: 201 the first time, 200 when you change it. Only you can see it.</summary>
    public static async Task<Results<Created<ReflectionResponse>, Ok<ReflectionResponse>, NotFound>> ReflectAsync(
        string slug, CourseProgress.ReflectionRequest request, ClaimsPrincipal user, LessonCatalog course, AppDbContext db, TimeProvider clock,
        SafetyFollowUp safety, HttpContext http, CancellationToken cancellationToken)
    {
        if (course.Find(slug) is null)
        {
            return TypedResults.NotFound();
        }

        var first = await CourseProgress.SaveReflectionAsync(user.GetUserId(), slug, request.Text!, db, clock, cancellationToken);
        var notice = await safety.AfterSavingAsync(request.Text, TextSetting.LessonReflection, http, db, cancellationToken);
        var response = new ReflectionResponse(request.Text!, clock.GetUtcNow().UtcDateTime, notice);
        return first ? TypedResults.Created($"/api/v1/lessons/{slug}", response) : TypedResults.Ok(response);
    }
}
