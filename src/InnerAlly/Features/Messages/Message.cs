using InnerAlly.Features.CareTeam;

namespace InnerAlly.Features.Messages;

/// <summary>
/// One message in the thread between a client and their therapist (one thread per care
/// relationship). Its words are sealed at rest. It belongs to the relationship, and so to the
/// client: it is in their export and goes with their account. A writer may withdraw it within
/// <see cref="WithdrawWindow"/>; its words are then gone, and the thread shows that it was withdrawn.
/// </summary>
public sealed class Message : RelationshipRow
{
    public const string Purpose = "InnerAlly.Messages.v1";
    public const int TextMaxLength = 4000;
    public const string FromClient = "client";
    public const string FromTherapist = "therapist";
    public static readonly TimeSpan WithdrawWindow = TimeSpan.FromMinutes(5);

    private Message()
    {
    }

    /// <summary>"client" or "therapist".</summary>
    public string From { get; private set; } = "";

    /// <summary>The words as written; empty once withdrawn.</summary>
    public string Text { get; private set; } = "";

    public DateTime SentAt { get; private set; }

    /// <summary>When the other side first opened the thread with this message in it.</summary>
    public DateTime? ReadAt { get; private set; }

    public DateTime? WithdrawnAt { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    public static Message Write(Guid relationshipId, string from, string text, DateTime now)
    {
        if (from is not (FromClient or FromTherapist))
        {
            throw new ArgumentException("A message is from the client or the therapist.", nameof(from));
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > TextMaxLength)
        {
            throw new ArgumentException($"A message holds 1 to {TextMaxLength} characters.", nameof(text));
        }

        return new Message { Id = Guid.CreateVersion7(), RelationshipId = relationshipId, From = from, Text = text, SentAt = now.ToUniversalTime() };
    }

    /// <summary>Whether its writer may still take it back at <paramref name="now"/>.</summary>
    public bool CanWithdraw(DateTime now) => !IsWithdrawn && now.ToUniversalTime() - SentAt <= WithdrawWindow;

    public void Withdraw(DateTime now)
    {
        if (!CanWithdraw(now))
        {
            throw new InvalidOperationException("A message can be withdrawn only by its writer, within 5 minutes of sending it.");
        }

        WithdrawnAt = now.ToUniversalTime();
        Text = "";
    }

    public void MarkRead(DateTime now) => ReadAt ??= now.ToUniversalTime();
}

internal sealed class MessageConfiguration(FieldKeyRing keys) : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("Messages");
        builder.BelongsToRelationship();
        builder.HasIndex(m => new { m.RelationshipId, m.SentAt });
        builder.Property(m => m.From).HasMaxLength(20);
        builder.Property(m => m.Text).HasConversion((ValueConverter)new ProtectedTextConverter(keys, Message.Purpose));
    }
}
