namespace InnerAlly.Features.Journal;

/// <summary>
/// A person's own journal, newest first, a page at a time, and search in it by words and by tag.
/// Entries are opened and searched in memory as they stream from the database, so no plain text is
/// ever stored to search (docs/journal-search.md).
/// </summary>
public static class ListJournalEntries
{
    public const int SearchMaxLength = 200;

    public const string SearchTooLong = "q can be up to 200 characters.";

    /// <param name="words">Every word must be found, in the text, prompt or tags (ignoring case and accents).</param>
    /// <param name="tag">A tag the entries must have.</param>
    public static Task<Page<JournalEntry>> HandleAsync(
        Guid userId, int limit, ListCursor? after, string? words, string? tag, AppDbContext db, CancellationToken cancellationToken) =>
        db.JournalEntries.PageOwnedAsync(userId, limit, after, Matcher(words, tag), cancellationToken);

    /// <summary>A few of its words, to recognise it by.</summary>
    public static string Preview(JournalEntry entry) => WritingKinds.FirstWords(entry.Text);

    /// <summary>
    /// Whether an entry matches a search: every word of <paramref name="words"/> somewhere in its
    /// text, prompt or tags (ignoring case and accents), and <paramref name="tag"/> among its tags.
    /// Null when there is nothing to search for. Runs on entries already opened in memory.
    /// </summary>
    private static Func<JournalEntry, bool>? Matcher(string? words, string? tag)
    {
        var terms = (words ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var wanted = JournalTags.Tidy([tag]) is [var first, ..] ? first : null;
        if (terms.Length == 0 && wanted is null)
        {
            return null;
        }

        return e => (wanted is null || e.Tags.Contains(wanted, StringComparer.OrdinalIgnoreCase))
            && terms.All(term => Has(e.Text, term) || Has(e.Prompt, term) || e.Tags.Any(t => Has(t, term)));
    }

    private static bool Has(string? text, string term) =>
        text is not null && CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, term, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;
}
