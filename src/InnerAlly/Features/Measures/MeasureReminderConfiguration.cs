namespace InnerAlly.Features.Measures;

internal sealed class MeasureReminderConfiguration : IEntityTypeConfiguration<MeasureReminder>
{
    public void Configure(EntityTypeBuilder<MeasureReminder> builder)
    {
        builder.ToTable("MeasureReminders", t => t.HasCheckConstraint("CK_MeasureReminders_EveryWeeks", "\"EveryWeeks\" BETWEEN 1 AND 12"));
        builder.HasKey(r => new { r.UserId, r.InstrumentCode });
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.InstrumentCode).HasMaxLength(32);
    }
}
