using InnerAlly.Features.AllyCards;
using InnerAlly.Features.AllyRecords;
using InnerAlly.Features.Journal;
using InnerAlly.Features.Letters;

namespace InnerAlly.Features.CareTeam;

/// <summary>One shared piece of writing as the therapist reads it: read-only, in the client's words, through the rule and recorded.</summary>
public static class ShowSharedEntry
{
    /// <summary>A shared entry in a list: when it was written and its first words.</summary>
    public sealed record Row(Guid Id, string Category, DateTime CreatedAt, string Preview);

    /// <summary>One part of an entry, with the heading the client saw when writing it (none for a journal entry's text).</summary>
    public sealed record Section(string? Heading, string Text);

    public sealed record View(CareAccess.Client Client, TimeZoneInfo Zone, string Category, string Noun, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<Section> Sections);

    public static Row RowOf(string category, PersonalWriting entry) => new(entry.Id, category, entry.CreatedAt, entry switch
    {
        JournalEntry journal => ListJournalEntries.Preview(journal),
        AllyRecord record => ListAllyRecords.Preview(record),
        Letter letter => ListLetters.Preview(letter),
        AllyCard card => ListAllyCards.Preview(card),
        _ => "",
    });

    /// <summary>Null when this is not the therapist's active client, or the entry is not theirs or not shared (the caller answers 404).</summary>
    public static async Task<View?> HandleAsync(
        Guid therapistUserId, Guid relationshipId, Guid entryId, CareAccess access, AppDbContext db, CareContent content, HttpContext http, CancellationToken cancellationToken)
    {
        if (await access.ClientAsync(therapistUserId, relationshipId, cancellationToken) is not { } client
            || await access.EntryAsync(client, entryId, cancellationToken) is not (var category, var entry))
        {
            return null;
        }

        await access.RecordAsync(client, [category], entry.Id, http, cancellationToken);
        var zoneId = await db.Users.AsNoTracking().Where(u => u.Id == client.ClientId).Select(u => u.TimeZoneId).SingleAsync(cancellationToken);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var noun = WritingKinds.Find(category)?.Noun ?? category;
        return new View(client, zone, category, noun, entry.CreatedAt, entry.UpdatedAt, SectionsOf(entry, content));
    }

    /// <summary>Every part of an entry the client filled in, in the order they met it.</summary>
    public static IReadOnlyList<Section> SectionsOf(PersonalWriting entry, CareContent content)
    {
        var sections = new List<Section>();
        void Add(string? heading, string? text)
        {
            if (WritingLimits.HasText(text))
            {
                sections.Add(new Section(heading, text!));
            }
        }

        switch (entry)
        {
            case JournalEntry journal:
                Add("Prompt", journal.Prompt);
                Add(null, journal.Text);
                Add("Tags", string.Join(", ", journal.Tags));
                break;
            case AllyRecord record:
                var steps = content.Writing.Record.Steps;
                string Label(string field) => steps.SelectMany(s => s.Fields).Single(f => f.Field == field).Label;
                Add(Label("situation"), record.Situation);
                Add(Label("criticWords"), record.CriticWords);
                Add("Feelings", string.Join(", ", record.Emotions.Select(id => content.Emotions.Find(id)?.Label ?? id)));
                Add(Label("feelingsBody"), record.FeelingsBody);
                Add(Label("criticFear"), record.CriticFear);
                Add(Label("allyWisdom"), record.AllyWisdom);
                Add(Label("allyStrength"), record.AllyStrength);
                Add(Label("allyWarmth"), record.AllyWarmth);
                Add(Label("action"), record.Action);
                Add("Before and after (0 to 10)", Ratings(record));
                break;
            case Letter letter:
                foreach (var part in letter.Written.All)
                {
                    Add(null, part);
                }

                break;
            case AllyCard card:
                Add(null, card.Text);
                break;
        }

        return sections;
    }

    private static string? Ratings(AllyRecord record)
    {
        static string Pair(string what, int? before, int? after) =>
            before is null && after is null ? "" : $"{what}: {before?.ToString(CultureInfo.InvariantCulture) ?? "–"} at first, {after?.ToString(CultureInfo.InvariantCulture) ?? "–"} at the end.";
        return string.Join(' ', new[] { Pair("How harsh the critic felt", record.HarshnessBefore, record.HarshnessAfter), Pair("How much the reply was believed", record.BeliefBefore, record.BeliefAfter) }
            .Where(p => p.Length > 0));
    }
}
