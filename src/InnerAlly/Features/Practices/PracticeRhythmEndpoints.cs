using InnerAlly.Features.Calendar;

namespace InnerAlly.Features.Practices;

/// <summary>Each person's weekly rhythm of practice and its email reminders: /api/v1/practice-rhythm (its calendar address is Features/Calendar's).</summary>
public static class PracticeRhythmEndpoints
{
    public static IEndpointRouteBuilder MapPracticeRhythm(this IEndpointRouteBuilder app)
    {
        var rhythm = app.MapApi("/api/v1/practice-rhythm", "Practices");
        rhythm.MapGet("/", RhythmAsync).WithName("GetPracticeRhythm");
        rhythm.MapPost("/", AddAsync).WithName("AddPracticeRhythmItem").ProducesValidationProblem();
        rhythm.MapDelete("/{id:guid}", RemoveAsync).WithName("RemovePracticeRhythmItem");
        rhythm.MapPut("/email-reminders", SetEmailRemindersAsync).WithName("SetPracticeEmailReminders").ProducesValidationProblem();
        return app;
    }

    public sealed record RhythmResponse(
        IReadOnlyList<ListRhythm.ItemResponse> Items, string TimeZone, CalendarAddress? CalendarFeed, bool EmailAvailable, bool EmailReminders);

    public sealed record EmailRemindersRequest(bool? Enabled);

    /// <summary>Your weekly rhythm of practices, and your calendar feed's address if you made one.</summary>
    public static async Task<Ok<RhythmResponse>> RhythmAsync(
        ClaimsPrincipal user, HttpRequest request, AppDbContext db, PracticeCatalog practices, Mailer mailer, CancellationToken cancellationToken)
    {
        var userId = user.GetUserId();
        var zone = await PersonalTime.ZoneForAsync(userId, db, cancellationToken);
        var items = await ListRhythm.HandleAsync(userId, db, cancellationToken);
        var feed = await CalendarAddress.FindAsync(userId, request, db, cancellationToken);
        var reminders = await PracticeReminders.IsOnAsync(userId, db, cancellationToken);
        return TypedResults.Ok(new RhythmResponse([.. items.Select(i => ListRhythm.ToResponse(i, practices))], zone.Id, feed, mailer.IsConfigured, reminders));
    }

    /// <summary>Turn email reminders at your rhythm's times on or off. Only where the site sends email (emailAvailable).</summary>
    public static async Task<Results<NoContent, ValidationProblem>> SetEmailRemindersAsync(
        EmailRemindersRequest body, ClaimsPrincipal user, AppDbContext db, Mailer mailer, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (body.Enabled is not { } enabled)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["enabled"] = ["enabled is true or false."] });
        }

        if (enabled && !mailer.IsConfigured)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["enabled"] = ["This site does not send email, so reminders can come through the calendar address instead."] });
        }

        await PracticeReminders.SetAsync(enabled, user.GetUserId(), db, clock, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Add a practice to your week: which practice, how many minutes, which days, and a time of day in your time zone.</summary>
    public static async Task<Results<Created<ListRhythm.ItemResponse>, ValidationProblem>> AddAsync(
        AddRhythmItem.Request body, ClaimsPrincipal user, AppDbContext db, PracticeCatalog practices, TimeProvider clock, CancellationToken cancellationToken) =>
        await AddRhythmItem.HandleAsync(body, user.GetUserId(), db, practices, clock, cancellationToken) is { } item
            ? TypedResults.Created($"/api/v1/practice-rhythm/{item.Id}", ListRhythm.ToResponse(item, practices))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["practiceId"] = [AddRhythmItem.FullMessage] });

    /// <summary>Take a line out of your weekly rhythm.</summary>
    public static async Task<Results<NoContent, NotFound>> RemoveAsync(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await RemoveRhythmItem.HandleAsync(id, user.GetUserId(), db, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
