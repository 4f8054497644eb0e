namespace InnerAlly.Features.Writing;

/// <summary>
/// What every writing endpoint is handed besides its own request, bound as one parameter
/// (<c>[AsParameters]</c>, as eShop binds its CatalogServices): who is asking, the database, the
/// clock, a logger for the use case, and the follow-up that comes after every save. They are
/// services, not input, so the edge's validation passes them by.
/// </summary>
// Without this, .NET 10's validation walks the bundle (ClaimsPrincipal's claims refer back to it) and
// fails the request; the attribute is marked for evaluation (ASP0029), and is the documented way.
#pragma warning disable ASP0029
[Microsoft.Extensions.Validation.SkipValidation]
#pragma warning restore ASP0029
public sealed record WritingServices(ClaimsPrincipal User, AppDbContext Db, TimeProvider Clock, ILoggerFactory Loggers, WritingFollowUp FollowUp, HttpContext Http)
{
    /// <summary>The signed-in person asking.</summary>
    public Guid UserId => User.GetUserId();

    /// <summary>Ends when the request does.</summary>
    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>The use case's own logger (a static class cannot be a logger's type argument).</summary>
    public ILogger LoggerFor(Type useCase) => Loggers.CreateLogger(useCase);

    /// <summary>What an answer adds after a save: the analysis and the risk check's outcome, saved words first.</summary>
    public Task<AfterSaving> AfterSavingAsync(SavedWords words) => FollowUp.AfterSavingAsync(words, Http, Db, Aborted);
}
