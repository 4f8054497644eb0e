using System.Text.Json.Serialization;
using InnerAlly.Features.CareTeam;
using InnerAlly.Features.Clinics;

namespace InnerAlly.Features.Messages;

/// <summary>
/// /api/v1/messages: the thread between a client and each of their therapists, for both of them.
/// A thread's id is its care relationship's. Anyone else's thread answers 404.
/// </summary>
public static class MessageEndpoints
{
    public static void MapMessages(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/v1/messages", "Messages");
        group.MapGet("/", ListAsync).WithName("ListMessageThreads");
        group.MapPut("/reply-expectation", ExpectRepliesAsync).WithName("SetReplyExpectation").ProducesValidationProblem();
        group.MapGet("/{id:guid}", ShowAsync).WithName("ShowMessageThread");
        group.MapPost("/{id:guid}", SendAsync).WithName("SendMessage").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapDelete("/{id:guid}/{messageId:guid}", WithdrawAsync).WithName("WithdrawMessage").ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Your threads: with each of your therapists (ended ones too, to read), and, if you are a therapist, with each of your clients. Open ones first, then the latest.</summary>
    public static async Task<Ok<MessageJson.Threads>> ListAsync(ClaimsPrincipal user, AppDbContext db, CareAccess access, CancellationToken cancellationToken) =>
        TypedResults.Ok(new MessageJson.Threads(await ListThreads.HandleAsync(user.GetUserId(), db, access, cancellationToken)));

    /// <summary>One thread, oldest first (the latest 200). Opening it marks the other person's messages as read.</summary>
    public static async Task<Results<Ok<MessageJson.Thread>, NotFound>> ShowAsync(
        Guid id, ClaimsPrincipal user, AppDbContext db, CareAccess access, TimeProvider clock, CancellationToken cancellationToken) =>
        await FindThread.HandleAsync(user.GetUserId(), id, db, access, cancellationToken) is { } thread
            ? TypedResults.Ok(MessageJson.From(await ShowThread.HandleAsync(thread, db, clock, cancellationToken)))
            : TypedResults.NotFound();

    /// <summary>Send a message: {text}. The other person is told by email that there is one, never what it says. A client's message is read by the risk check after it is saved (safety).</summary>
    public static async Task<Results<Created<MessageJson.Sent>, NotFound, ValidationProblem, ProblemHttpResult>> SendAsync(
        Guid id, SendMessage.Request request, ClaimsPrincipal user, HttpContext http, AppDbContext db, CareAccess access, MessageMail mail, SafetyFollowUp safety,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await FindThread.HandleAsync(user.GetUserId(), id, db, access, cancellationToken) is not { } thread)
        {
            return TypedResults.NotFound();
        }

        var result = await SendMessage.HandleAsync(thread, request, user.GetUserId(), db, mail, safety, http, clock, loggers.CreateLogger(typeof(SendMessage)), cancellationToken);
        return result switch
        {
            { Outcome: SendMessage.Outcome.Sent, Message: { } message } => TypedResults.Created(
                $"/api/v1/messages/{id}", new MessageJson.Sent(MessageJson.From(message, thread, clock.GetUtcNow().UtcDateTime), result.Safety)),
            { Outcome: SendMessage.Outcome.TooMany } => TypedResults.Problem(SendMessage.TooMany, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many messages for now"),
            _ => TypedResults.Problem(SendMessage.Closed, statusCode: StatusCodes.Status409Conflict, title: "This conversation has ended"),
        };
    }

    /// <summary>Withdraw a message you sent, within 5 minutes: its words are removed and the thread shows it was withdrawn.</summary>
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> WithdrawAsync(
        Guid id, Guid messageId, ClaimsPrincipal user, AppDbContext db, CareAccess access, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await FindThread.HandleAsync(user.GetUserId(), id, db, access, cancellationToken) is not { } thread)
        {
            return TypedResults.NotFound();
        }

        return await WithdrawMessage.HandleAsync(thread, messageId, db, clock, cancellationToken) switch
        {
            WithdrawMessage.Outcome.Withdrawn => TypedResults.NoContent(),
            WithdrawMessage.Outcome.TooLate => TypedResults.Problem(WithdrawMessage.TooLate, statusCode: StatusCodes.Status409Conflict, title: "Too late to withdraw"),
            _ => TypedResults.NotFound(),
        };
    }

    /// <summary>What you tell clients about replies: {text} (up to 200 characters, or empty to say nothing), shown on each of your threads. For therapists (?clinic=slug when you work in several).</summary>
    public static async Task<Results<Ok<MessageJson.ReplyExpectation>, NotFound, ValidationProblem>> ExpectRepliesAsync(
        string? clinic, ReplyExpectationRequest request, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        if (await db.AsTherapistAsync(user.GetUserId(), clinic, cancellationToken) is not { } place)
        {
            return TypedResults.NotFound();
        }

        place.Member.ExpectReplies(request.Text);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new MessageJson.ReplyExpectation(place.Member.ReplyExpectation));
    }

    /// <summary>A reply expectation. Fields not listed here are refused.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed class ReplyExpectationRequest
    {
        /// <summary>For example "I usually reply within 2 working days"; up to 200 characters.</summary>
        [StringLength(StaffMember.ReplyExpectationMaxLength, ErrorMessage = "This can hold up to 200 characters.")]
        public string? Text { get; set; }
    }
}
