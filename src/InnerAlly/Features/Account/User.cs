using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

    public DateTime CreatedAt { get; set; }

    public TimeZoneInfo TimeZone =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.TimeZoneId).HasMaxLength(User.TimeZoneIdMaxLength).HasDefaultValue("UTC");
        builder.Ignore(u => u.TimeZone);
    }
}
