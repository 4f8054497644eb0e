using InnerAlly.Features.AllyCards;
using InnerAlly.Features.AllyRecords;
using InnerAlly.Features.Journal;
using InnerAlly.Features.Letters;

namespace InnerAlly.Features.Writing;

/// <summary>What the pages shared by every kind of writing (deleting, for one) know of a kind.</summary>
/// <param name="Slug">The first segment of its pages' paths ("journal", "ally-records").</param>
/// <param name="Noun">What a person calls one ("journal entry").</param>
/// <param name="DescribeAsync">When the person's own item was written and its first words; null when it is not theirs or not there.</param>
/// <param name="DeleteAsync">False when there is no such item of this person's (the caller answers 404).</param>
public sealed record WritingKind(
    string Slug,
    string Noun,
    Func<AppDbContext, Guid, Guid, CancellationToken, Task<(DateTime CreatedAt, string Preview)?>> DescribeAsync,
    Func<AppDbContext, Guid, Guid, CancellationToken, Task<bool>> DeleteAsync)
{
    /// <summary>Where its list is ("/journal").</summary>
    public string ListPath => "/" + Slug;

    public static WritingKind Of<T>(string slug, string noun, Func<AppDbContext, DbSet<T>> items, Func<T, string> preview)
        where T : PersonalWriting =>
        new(
            slug,
            noun,
            async (db, id, userId, ct) => await items(db).FindOwnedAsync(id, userId, ct) is { } item ? (item.CreatedAt, preview(item)) : null,
            (db, id, userId, ct) => items(db).DeleteOwnedAsync(db, id, userId, ct));
}

/// <summary>Every kind of writing, for the pages they share.</summary>
public static class WritingKinds
{
    public static IReadOnlyList<WritingKind> All { get; } =
    [
        WritingKind.Of("journal", "journal entry", db => db.JournalEntries, ListJournalEntries.Preview),
        WritingKind.Of("ally-records", "critic-to-ally record", db => db.AllyRecords, ListAllyRecords.Preview),
        WritingKind.Of("letters", "letter", db => db.Letters, ListLetters.Preview),
        WritingKind.Of("ally-cards", "ally card", db => db.AllyCards, ListAllyCards.Preview),
    ];

    public static WritingKind? Find(string slug) => All.FirstOrDefault(k => k.Slug == slug);

    /// <summary>The first words of a text, cut at a word near <paramref name="length"/> characters.</summary>
    public static string FirstWords(string? text, int length = 90)
    {
        var flat = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= length)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', length);
        return string.Concat(flat.AsSpan(0, cut > length / 2 ? cut : length), "…");
    }
}
