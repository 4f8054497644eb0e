namespace InnerAlly.Features.Calendar;

internal sealed class CalendarFeedConfiguration(ProtectedTextConverter sealedToken) : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.HasKey(f => f.UserId);
        builder.HasOne<User>().WithOne().HasForeignKey<CalendarFeed>(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.Property(f => f.Token).HasConversion((ValueConverter)sealedToken);
        builder.Ignore(f => f.Path);
    }
}
