namespace InnerAlly.Features.Learn;

/// <summary>Where one person is with one lesson: whether they have read it, and their private reflection.</summary>
public sealed class LessonState
{
    public const int ReflectionMaxLength = 5000;
    public const string ReflectionPurpose = "InnerAlly.LessonReflection.v1";

    private LessonState()
    {
    }

    public Guid UserId { get; private set; }

    public string Slug { get; private set; } = "";

    public DateTime? ReadAt { get; private set; }

    /// <summary>Encrypted at rest; seen by its author, and by a therapist they share lesson reflections with.</summary>
    public string? Reflection { get; private set; }

    public DateTime? ReflectionUpdatedAt { get; private set; }

    public static LessonState Start(Guid userId, string slug) => new() { UserId = userId, Slug = slug };

    public void MarkRead(DateTime now) => ReadAt ??= now.ToUniversalTime();

    public void Reflect(string text, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (text.Length > ReflectionMaxLength)
        {
            throw new ArgumentException("The reflection is too long.", nameof(text));
        }

        Reflection = text;
        ReflectionUpdatedAt = now.ToUniversalTime();
    }
}

internal sealed class LessonStateConfiguration(ProtectedTextConverter sealedText) : IEntityTypeConfiguration<LessonState>
{
    public void Configure(EntityTypeBuilder<LessonState> builder)
    {
        builder.HasKey(s => new { s.UserId, s.Slug });
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Slug).HasMaxLength(100);
        builder.Property(s => s.Reflection).HasConversion((ValueConverter)sealedText);
    }
}
