using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace InnerAlly.Data;

/// <summary>
/// A short list of words a person chose (journal tags, the feelings they named) sealed as one
/// value, like a note: the items are joined by line breaks, which no item may hold, and the whole
/// is encrypted with <see cref="ProtectedTextConverter"/>. An empty list is sealed too, so a copy
/// of the database does not even show which entries have tags.
/// </summary>
public sealed class ProtectedListConverter(FieldKeyRing keys, string purpose)
    : ValueConverter<IReadOnlyList<string>, byte[]>(
        items => ProtectedTextConverter.Seal(keys, purpose, Join(items)),
        stored => Split(ProtectedTextConverter.Open(keys, purpose, stored)))
{
    public const char Separator = '\n';

    /// <summary>Lists are equal item by item, in order.</summary>
    public static ValueComparer<IReadOnlyList<string>> Comparer { get; } = new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, e) => HashCode.Combine(h, e.GetHashCode(StringComparison.Ordinal))),
        v => v.ToArray());

    public static string Join(IReadOnlyList<string> items) => string.Join(Separator, items);

    public static IReadOnlyList<string> Split(string text) => text.Length == 0 ? [] : text.Split(Separator);
}
