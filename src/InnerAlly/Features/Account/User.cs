namespace InnerAlly.Features.Account;

public sealed class User : IdentityUser<Guid>
{
    public const int TimeZoneIdMaxLength = 64;

    public User()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    /// <summary>IANA time zone used to say which day a check-in belongs to.</summary>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>
    /// The country the person chose (ISO 3166-1 alpha-2, such as "GB"), so crisis lines for where
    /// they are come first; null when they have not said.
    /// </summary>
    public string? Country { get; set; }

    public DateTime CreatedAt { get; set; }

    public TimeZoneInfo TimeZone =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.TimeZoneId).HasMaxLength(User.TimeZoneIdMaxLength).HasDefaultValue("UTC");
        builder.Property(u => u.Country).HasMaxLength(Countries.CodeLength);
        builder.Ignore(u => u.TimeZone);
    }
}
