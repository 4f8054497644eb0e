namespace InnerAlly.Features.Calendar;

/// <summary>The calendar address: made and turned off through the API, read by calendar apps at /calendar/{secret}.ics.</summary>
public static class CalendarEndpoints
{
    /// <summary>A feature whose events belong in the person's calendar feed.</summary>
    public static IServiceCollection AddCalendarSource<TSource>(this IServiceCollection services)
        where TSource : class, ICalendarSource =>
        services.AddSingleton<ICalendarSource, TSource>();

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        var feed = app.MapApi("/api/v1/practice-rhythm/calendar-feed", "Practices");
        feed.MapPost("/", RenewAsync).WithName("RenewCalendarFeed");
        feed.MapDelete("/", RevokeAsync).WithName("RevokeCalendarFeed");

        // Calendar apps fetch this with no sign-in: the secret in the address is the key.
        app.MapGet("/calendar/{token}.ics", ReadAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Make a new secret calendar address for your rhythm and questionnaire reminders; any earlier one stops working.</summary>
    public static async Task<Created<CalendarAddress>> RenewAsync(
        ClaimsPrincipal user, HttpRequest request, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var feed = await RenewCalendarFeed.HandleAsync(user.GetUserId(), db, clock, cancellationToken);
        return TypedResults.Created("/api/v1/practice-rhythm", CalendarAddress.For(feed, request));
    }

    /// <summary>Turn your calendar address off.</summary>
    public static async Task<Results<NoContent, NotFound>> RevokeAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await RevokeCalendarFeed.HandleAsync(user.GetUserId(), db, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<ContentHttpResult, NotFound>> ReadAsync(
        string token, HttpRequest request, AppDbContext db, [FromServices] IEnumerable<ICalendarSource> sources, CancellationToken cancellationToken)
    {
        var site = new Uri($"{request.Scheme}://{request.Host}/");
        return await RenderCalendarFeed.HandleAsync(token, site, sources, db, cancellationToken) is { } text
            ? TypedResults.Text(text, "text/calendar; charset=utf-8")
            : TypedResults.NotFound();
    }
}
