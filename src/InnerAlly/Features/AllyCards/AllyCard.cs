using InnerAlly.Features.AllyRecords;
using InnerAlly.Features.Letters;

namespace InnerAlly.Features.AllyCards;

/// <summary>
/// Kind words a person keeps close, to open in one tap on a hard day: a compassionate reply from a
/// critic-to-ally record, lines from a letter, or words typed for the card. The card keeps its own
/// copy of the words, so it stays if the record or letter it came from is deleted.
/// </summary>
public sealed class AllyCard : PersonalWriting
{
    public const string Purpose = "InnerAlly.AllyCard.v1";

    private AllyCard()
    {
    }

    public string Text { get; private set; } = "";

    /// <summary>The critic-to-ally record the words came from, while it exists.</summary>
    public Guid? AllyRecordId { get; private set; }

    /// <summary>The letter the words came from, while it exists.</summary>
    public Guid? LetterId { get; private set; }

    public static AllyCard Keep(Guid userId, DateTime now, string text, Guid? allyRecordId, Guid? letterId)
    {
        if (!WritingLimits.HasText(text))
        {
            throw new ArgumentException("A card needs some words.", nameof(text));
        }

        WritingLimits.EnsureFits(text, nameof(text));
        if (allyRecordId is not null && letterId is not null)
        {
            throw new ArgumentException("A card comes from one place at most.", nameof(letterId));
        }

        return new AllyCard
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            CreatedAt = now.ToUniversalTime(),
            UpdatedAt = now.ToUniversalTime(),
            Text = text,
            AllyRecordId = allyRecordId,
            LetterId = letterId,
        };
    }
}

internal sealed class AllyCardConfiguration(FieldKeyRing keys) : IEntityTypeConfiguration<AllyCard>
{
    public void Configure(EntityTypeBuilder<AllyCard> builder)
    {
        builder.ToTable("AllyCards");
        builder.WrittenByPerson();
        builder.HasOne<AllyRecord>().WithMany().HasForeignKey(c => c.AllyRecordId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Letter>().WithMany().HasForeignKey(c => c.LetterId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(c => c.Text).HasConversion((ValueConverter)new ProtectedTextConverter(keys, AllyCard.Purpose));
    }
}
