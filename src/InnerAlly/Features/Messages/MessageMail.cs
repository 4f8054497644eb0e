namespace InnerAlly.Features.Messages;

/// <summary>
/// The email that tells someone a new message is waiting: a neutral subject, no name and never the
/// message, and a link made from App:PublicUrl only. Without email or a public address nothing is
/// sent, and the message is there when they next look.
/// </summary>
public sealed partial class MessageMail(Mailer mailer, IOptions<AppOptions> app)
{
    public const string Subject = "A new message on InnerAlly";

    public static string PathFor(Guid threadId) => $"/messages/{threadId}";

    public async Task TellAsync(FindThread.Thread thread, AppDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        if (!mailer.IsConfigured || app.Value.LinkTo(PathFor(thread.Id)) is not { } link)
        {
            return;
        }

        var recipient = thread.Side == Message.FromClient ? thread.Therapist?.UserId : thread.Relationship.UserId;
        var email = recipient is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken) : null;
        if (email is null)
        {
            return;
        }

        var text = $"""
            Hello,

            There is a new message for you on InnerAlly. For your privacy it is not in this email.

            To read it, open this link and sign in:
            {link}
            """;
        try
        {
            await mailer.SendAsync(email, Subject, text, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The message is saved and waiting; a failed email changes nothing the writer sees.
            Log.NotSent(logger, e.GetType().Name);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "The new-message email could not be sent ({Error})")]
        public static partial void NotSent(ILogger logger, string error);
    }
}
