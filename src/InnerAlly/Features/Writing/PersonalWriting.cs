namespace InnerAlly.Features.Writing;

/// <summary>
/// Something a person wrote (a journal entry, a critic-to-ally record, a letter, an ally card):
/// theirs alone, read, listed and deleted only through queries that filter by its owner
/// (<see cref="OwnedWriting"/>), newest first.
/// </summary>
public abstract class PersonalWriting : PersonalRow
{
    public DateTime CreatedAt { get; protected init; }

    /// <summary>When it was last changed; for an ally card, which is kept or removed but never changed, the same as <see cref="CreatedAt"/>.</summary>
    public DateTime UpdatedAt { get; protected set; }
}

public static class PersonalWritingConfiguration
{
    /// <summary>Keyed by its id, deleted with its owner's account, and listed by owner, newest first.</summary>
    public static EntityTypeBuilder<T> WrittenByPerson<T>(this EntityTypeBuilder<T> builder)
        where T : PersonalWriting
    {
        builder.BelongsToPerson().HasIndex(w => new { w.UserId, w.CreatedAt });
        return builder;
    }
}

/// <summary>Limits and words shared by every kind of writing.</summary>
public static class WritingLimits
{
    /// <summary>The same limit as the language engine's API, so every saved text can be read by it in full.</summary>
    public const int TextMaxLength = Analysis.AnalysisEndpoints.MaxTextLength;

    public const string TooLong = "This can hold up to 20,000 characters, and yours is longer, so it has not been saved yet. You could keep the rest in another entry.";

    /// <summary>
    /// The time to stamp a save with, in whole microseconds: PostgreSQL keeps no finer, so the
    /// answer to a save shows the same time a later read does, on either database.
    /// </summary>
    public static DateTime Now(TimeProvider clock)
    {
        var ticks = clock.GetUtcNow().UtcTicks;
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>True for text with something in it besides spaces.</summary>
    public static bool HasText(string? text) => !string.IsNullOrWhiteSpace(text);

    /// <summary>Blank text is kept as nothing at all; anything else exactly as written.</summary>
    public static string? Clean(string? text) => HasText(text) ? text : null;

    /// <summary>Checks a text the edge has already validated, so no other path can store one too long.</summary>
    public static void EnsureFits(string? text, string name)
    {
        if (text is { Length: > TextMaxLength })
        {
            throw new ArgumentException($"{name} is longer than {TextMaxLength} characters.", name);
        }
    }
}
