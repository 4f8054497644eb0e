namespace InnerAlly.Features.AllyRecords;

/// <summary>A person's own critic-to-ally records, newest first, a page at a time.</summary>
public static class ListAllyRecords
{
    public static Task<Page<AllyRecord>> HandleAsync(Guid userId, int limit, ListCursor? after, AppDbContext db, CancellationToken cancellationToken) =>
        db.AllyRecords.PageOwnedAsync(userId, limit, after, null, cancellationToken);

    /// <summary>A few of its words, to recognise it by: what happened, else the critic's words, else the first step written.</summary>
    public static string Preview(AllyRecord record) =>
        WritingKinds.FirstWords(record.Situation ?? record.CriticWords ?? record.Texts.FirstOrDefault(WritingLimits.HasText));
}
