namespace InnerAlly.Features.Letters;

/// <summary>A person's own letters, drafts and finished, newest first, a page at a time.</summary>
public static class ListLetters
{
    public static Task<Page<Letter>> HandleAsync(Guid userId, int limit, ListCursor? after, AppDbContext db, CancellationToken cancellationToken) =>
        db.Letters.PageOwnedAsync(userId, limit, after, null, cancellationToken);

    /// <summary>A few of its words, to recognise it by: the start of its first part with any.</summary>
    public static string Preview(Letter letter) => WritingKinds.FirstWords(letter.Written.All.FirstOrDefault(WritingLimits.HasText));
}
