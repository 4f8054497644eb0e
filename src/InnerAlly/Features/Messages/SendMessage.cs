using System.Text.Json.Serialization;
using InnerAlly.Language;

namespace InnerAlly.Features.Messages;

/// <summary>
/// Writes a message to the other side of a thread, then tells them by email that there is one (never
/// what it says). A client's message then passes the risk check like everything else they write:
/// saving comes first, the notice is theirs, and their therapist hears of it only through the
/// safety-notices sharing.
/// </summary>
public static partial class SendMessage
{
    /// <summary>How many messages one person may send in an hour, across all their threads.</summary>
    public const int PerHour = 30;

    public const string TextNeeded = "Write a few words first.";
    public const string TooLong = "A message can hold up to 4,000 characters, and this one is longer, so it has not been sent. You could send it in two parts.";
    public const string Closed = "This conversation has ended, so new messages cannot be sent. Everything in it stays yours to read.";
    public const string TooMany = "You have sent 30 messages in the last hour, which is as many as InnerAlly sends at a time. Your message has not been sent; please try again a little later.";

    /// <summary>A message. Fields not listed here are refused.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed class Request
    {
        /// <summary>The message, up to 4,000 characters.</summary>
        [Required(AllowEmptyStrings = false, ErrorMessage = TextNeeded)]
        [StringLength(Message.TextMaxLength, ErrorMessage = TooLong)]
        public string? Text { get; set; }
    }

    public enum Outcome
    {
        Sent,
        Closed,
        TooMany,
    }

    public sealed record Result(Outcome Outcome, Message? Message, SafetyNotice? Safety);

    public static async Task<Result> HandleAsync(
        FindThread.Thread thread, Request request, Guid userId, AppDbContext db, MessageMail mail, SafetyFollowUp safety, HttpContext http, TimeProvider clock, ILogger logger, CancellationToken cancellationToken)
    {
        if (!thread.IsOpen)
        {
            return new(Outcome.Closed, null, null);
        }

        var now = Writing.WritingLimits.Now(clock);
        if (await SentInLastHourAsync(thread.Side, userId, db, now, cancellationToken) >= PerHour)
        {
            return new(Outcome.TooMany, null, null);
        }

        var message = Message.Write(thread.Id, thread.Side, request.Text!, now);
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        Log.Sent(logger, message.Id);

        await mail.TellAsync(thread, db, logger, cancellationToken);
        var notice = thread.Side == Message.FromClient
            ? await safety.AfterSavingAsync(message.Text, TextSetting.Journal, http, db, cancellationToken, SafetyNoticeFeatureKey)
            : null;
        return new(Outcome.Sent, message, notice);
    }

    /// <summary>The feature a kept safety notice names (CareTeam's SafetyNoticeFeatures).</summary>
    public const string SafetyNoticeFeatureKey = CareTeam.SafetyNoticeFeatures.Message;

    /// <summary>Messages this person sent in the hour before <paramref name="now"/>, as a client in their own threads or as a therapist in their clients'.</summary>
    private static Task<int> SentInLastHourAsync(string side, Guid userId, AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var since = now.AddHours(-1);
        var threads = side == Message.FromClient
            ? db.CareRelationships.Where(r => r.UserId == userId).Select(r => r.Id)
            : db.CareRelationships.Where(r => db.StaffMembers.Any(s => s.Id == r.TherapistId && s.UserId == userId)).Select(r => r.Id);
        return db.Messages.CountAsync(m => threads.Contains(m.RelationshipId) && m.From == side && m.SentAt > since, cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Message {MessageId} sent")]
        public static partial void Sent(ILogger logger, Guid messageId);
    }
}
