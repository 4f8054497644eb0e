using InnerAlly.Features.AllyRecords;
using InnerAlly.Features.Letters;
using InnerAlly.Features.Writing;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InnerAlly.Features.AllyCards;

/// <summary>
/// Kind words a person keeps close, to open in one tap on a hard day: a compassionate reply from a
/// critic-to-ally record, lines from a letter, or words typed for the card. The card keeps its own
/// copy of the words, so it stays if the record or letter it came from is deleted.
/// </summary>
public sealed class AllyCard : IOwnedWriting
{
    public const string Purpose = "InnerAlly.AllyCard.v1";

    private AllyCard()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Cards are kept or removed, never changed: the same as <see cref="CreatedAt"/>.</summary>
    public DateTime UpdatedAt { get; private set; }

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
        builder.HasKey(c => c.Id);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AllyRecord>().WithMany().HasForeignKey(c => c.AllyRecordId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Letter>().WithMany().HasForeignKey(c => c.LetterId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.UserId, c.CreatedAt });
        builder.Property(c => c.Text).HasConversion((ValueConverter)new ProtectedTextConverter(keys, AllyCard.Purpose));
    }
}
