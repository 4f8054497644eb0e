namespace InnerAlly.Features.Practices;

internal sealed class PracticeRhythmItemConfiguration : IEntityTypeConfiguration<PracticeRhythmItem>
{
    public void Configure(EntityTypeBuilder<PracticeRhythmItem> builder)
    {
        builder.ToTable("PracticeRhythmItems", t =>
        {
            t.HasCheckConstraint("CK_PracticeRhythmItems_Days", "\"Days\" BETWEEN 1 AND 127");
            t.HasCheckConstraint("CK_PracticeRhythmItems_Minutes", "\"Minutes\" BETWEEN 1 AND 60");
        });
        builder.BelongsToPerson();
        builder.HasIndex(i => i.UserId);
        builder.Property(i => i.PracticeId).HasMaxLength(100);
        builder.Ignore(i => i.DaysOfWeek);
    }
}
