using InnerAlly.Features.CheckIns;

namespace InnerAlly.Features.Journal;

/// <summary>One journal entry: free writing, perhaps begun from a prompt, perhaps tagged and tied to a check-in.</summary>
public sealed class JournalEntry : PersonalWriting
{
    public const string Purpose = "InnerAlly.Journal.v1";
    public const string TagsPurpose = "InnerAlly.Journal.Tags.v1";
    public const int PromptMaxLength = 500;
    public const int MaxTags = 10;
    public const int TagMaxLength = 40;

    private JournalEntry()
    {
    }

    /// <summary>Encrypted at rest, like every field a person fills in here.</summary>
    public string Text { get; private set; } = "";

    /// <summary>The prompt the entry answers, if the person started from one.</summary>
    public string? Prompt { get; private set; }

    public IReadOnlyList<string> Tags { get; private set; } = [];

    /// <summary>One of the same person's check-ins (the use case checks that); cleared if that check-in is deleted.</summary>
    public Guid? CheckInId { get; private set; }

    /// <param name="Tags">Already tidied by <see cref="JournalTags.Tidy"/>.</param>
    public sealed record Content(string Text, string? Prompt, IReadOnlyList<string> Tags, Guid? CheckInId);

    public static JournalEntry Write(Guid userId, DateTime now, Content content)
    {
        var entry = new JournalEntry { Id = Guid.CreateVersion7(), UserId = userId, CreatedAt = now.ToUniversalTime() };
        entry.Replace(content, now);
        return entry;
    }

    /// <summary>Replaces everything written; the edge has already checked it, and this keeps the invariants for any other path.</summary>
    public void Replace(Content content, DateTime now)
    {
        if (!WritingLimits.HasText(content.Text))
        {
            throw new ArgumentException("A journal entry needs some text.", nameof(content));
        }

        WritingLimits.EnsureFits(content.Text, nameof(content.Text));
        if (content.Prompt is { Length: > PromptMaxLength })
        {
            throw new ArgumentException("The prompt is too long.", nameof(content));
        }

        if (JournalTags.Problem(content.Tags) is { } problem || content.Tags.Any(t => t.Contains(ProtectedListConverter.Separator, StringComparison.Ordinal)))
        {
            throw new ArgumentException("The tags are not tidied.", nameof(content));
        }

        Text = content.Text;
        Prompt = WritingLimits.Clean(content.Prompt);
        Tags = [.. content.Tags];
        CheckInId = content.CheckInId;
        UpdatedAt = now.ToUniversalTime();
    }
}

/// <summary>Tags are the person's own words for an entry: trimmed, one of each (whatever the case), a few short ones.</summary>
public static class JournalTags
{
    public const string TooMany = "An entry can have up to 10 tags.";
    public const string TooLongTag = "Each tag can be up to 40 characters.";

    /// <summary>Trims each tag, squeezes inner spaces, drops empty ones and repeats (ignoring case), keeping the first spelling.</summary>
    public static IReadOnlyList<string> Tidy(IEnumerable<string?>? tags) =>
        [.. (tags ?? [])
            .Select(t => string.Join(' ', (t ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>Tags typed in one box, separated by commas.</summary>
    public static IReadOnlyList<string> FromText(string? text) => Tidy((text ?? "").Split(','));

    /// <summary>What is wrong with already tidied tags, in words for the person, or null.</summary>
    public static string? Problem(IReadOnlyList<string> tags) =>
        tags.Count > JournalEntry.MaxTags ? TooMany
        : tags.Any(t => t.Length > JournalEntry.TagMaxLength) ? TooLongTag
        : tags.Select(PlainText.LabelProblem).FirstOrDefault(p => p is not null);
}

internal sealed class JournalEntryConfiguration(FieldKeyRing keys) : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("JournalEntries");
        builder.WrittenByPerson();
        builder.HasOne<CheckIn>().WithMany().HasForeignKey(e => e.CheckInId).OnDelete(DeleteBehavior.SetNull);
        var text = new ProtectedTextConverter(keys, JournalEntry.Purpose);
        builder.Property(e => e.Text).HasConversion((ValueConverter)text);
        builder.Property(e => e.Prompt).HasConversion((ValueConverter)text);
        builder.Property(e => e.Tags).HasConversion(new ProtectedListConverter(keys, JournalEntry.TagsPurpose), ProtectedListConverter.Comparer);
    }
}
