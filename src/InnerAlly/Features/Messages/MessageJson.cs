namespace InnerAlly.Features.Messages;

/// <summary>What the messages API answers.</summary>
public static class MessageJson
{
    public sealed record Threads(IReadOnlyList<ListThreads.Summary> Items);

    /// <param name="Open">False once the work has ended (or the therapist no longer works as one at the clinic): the thread can be read, not written to.</param>
    /// <param name="ReplyExpectation">The therapist's own words on when they reply, if they gave them.</param>
    /// <param name="Help">Messages are not watched around the clock: where help is, now.</param>
    public sealed record Thread(Guid Id, string With, string Side, bool Open, string? ReplyExpectation, string Help, IReadOnlyList<ShowThread.Item> Messages);

    /// <param name="Safety">The risk check's outcome for a client's message (null for a therapist's).</param>
    public sealed record Sent(ShowThread.Item Message, SafetyNotice? Safety);

    public sealed record ReplyExpectation(string? Text);

    public const string NotForEmergencies = "Messages are not for emergencies. If you need help now, see /help, or your safety plan at /safety-plan.";

    public static Thread From(ShowThread.View view) =>
        new(view.Thread.Id, view.Thread.With, view.Thread.Side, view.Thread.IsOpen, view.Thread.ReplyExpectation, NotForEmergencies, view.Messages);

    public static ShowThread.Item From(Message message, FindThread.Thread thread, DateTime now) =>
        new(message.Id, message.From, message.From == thread.Side, message.IsWithdrawn ? null : message.Text, message.SentAt, message.ReadAt, message.IsWithdrawn,
            message.From == thread.Side && thread.IsOpen && message.CanWithdraw(now));
}
