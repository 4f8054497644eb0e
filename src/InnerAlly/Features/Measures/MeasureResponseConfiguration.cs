namespace InnerAlly.Features.Measures;

internal sealed class MeasureResponseConfiguration(ProtectedTextConverter sealedAnswers) : IEntityTypeConfiguration<MeasureResponse>
{
    public void Configure(EntityTypeBuilder<MeasureResponse> builder)
    {
        builder.ToTable("MeasureResponses", t => t.HasCheckConstraint("CK_MeasureResponses_Status", "\"Status\" IN ('draft', 'complete')"));
        builder.BelongsToPerson();
        builder.HasIndex(r => new { r.UserId, r.InstrumentCode, r.CompletedAt });
        builder.Property(r => r.InstrumentCode).HasMaxLength(32);
        builder.Property(r => r.Status).HasMaxLength(16);
        builder.Property(r => r.AnswersJson).HasColumnName("Answers").HasConversion((ValueConverter)sealedAnswers);
        builder.Ignore(r => r.Answers);
        builder.Ignore(r => r.IsComplete);
    }
}
