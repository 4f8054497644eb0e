using InnerAlly.Features.CareTeam;

namespace InnerAlly.Features.SessionNotes;

/// <summary>Reading session notes: a list for one client, and one note with all its versions. Only what <see cref="CareAccess.SessionNotes"/> lets through.</summary>
public static class ShowSessionNotes
{
    public sealed record Item(Guid Id, Guid? RelationshipId, string ClientName, DateOnly SessionDate, int Minutes, string Kind, string Author, DateTime CreatedAt, bool Amended, bool Mine);

    /// <param name="AmendedAt">When the next version replaced this one (null for the current one).</param>
    public sealed record Version(
        int Number, DateOnly SessionDate, int Minutes, string Kind, string? WorkedOn, string? PracticesUsed, string? NextSteps, string? Risk,
        DateTime WrittenAt, string WrittenBy, DateTime? EditedAt, DateTime? AmendedAt, string? AmendedBy);

    /// <param name="Editable">Whether you may still change the words in place (its author, within 24 hours and before any amendment).</param>
    /// <param name="Amendable">Whether you may amend it (its author, still a therapist of the clinic).</param>
    /// <param name="Versions">The current version first, then each one it replaced.</param>
    public sealed record Note(
        Guid Id, Guid? RelationshipId, string ClientName, string Author, DateTime CreatedAt, DateTime EditableUntil, bool Editable, bool Amendable,
        Version Current, IReadOnlyList<Version> Versions);

    /// <summary>
    /// The notes you may read, newest session first: about one client when <paramref name="client"/> is
    /// given (a care relationship's id, or the client's account id, to read the clinic's shared record
    /// across their relationships), else every one you may read (the latest 200).
    /// </summary>
    public static async Task<IReadOnlyList<Item>> ListAsync(Guid therapistUserId, Guid? client, CareAccess access, AppDbContext db, CancellationToken cancellationToken)
    {
        var query = access.SessionNotes(therapistUserId).AsNoTracking();
        if (client is { } id)
        {
            query = query.Where(n => n.RelationshipId == id || n.ClientUserId == id);
        }

        var notes = await query.OrderByDescending(n => n.CreatedAt).Take(200).ToListAsync(cancellationToken);
        var mine = await db.StaffMembers.AsNoTracking().Where(m => m.UserId == therapistUserId).Select(m => m.Id).ToListAsync(cancellationToken);
        return [.. notes
            .Select(n => (Note: n, n.Current))
            .OrderByDescending(x => x.Current.SessionDate).ThenByDescending(x => x.Note.CreatedAt)
            .Select(x => new Item(x.Note.Id, x.Note.RelationshipId, x.Note.ClientName, x.Current.SessionDate, x.Current.Minutes, x.Current.Kind, x.Note.AuthorName, x.Note.CreatedAt,
                x.Note.Versions.Count > 1, x.Note.AuthorId is { } author && mine.Contains(author)))];
    }

    /// <summary>One note with its versions; null when you may not read it (the caller answers 404).</summary>
    public static async Task<Note?> ShowAsync(Guid therapistUserId, Guid noteId, CareAccess access, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await access.SessionNotes(therapistUserId).AsNoTracking().SingleOrDefaultAsync(n => n.Id == noteId, cancellationToken) is not { } note)
        {
            return null;
        }

        var author = await access.AuthorOfAsync(therapistUserId, note, cancellationToken) is not null;
        return From(note, author && note.EditableAt(clock.GetUtcNow().UtcDateTime), author);
    }

    public static Note From(SessionNote note, bool editable, bool amendable)
    {
        var ordered = note.Versions.OrderByDescending(v => v.Number).ToList();
        var versions = ordered.Select((v, i) => ToVersion(v, i == 0 ? null : ordered[i - 1])).ToList();
        return new Note(note.Id, note.RelationshipId, note.ClientName, note.AuthorName, note.CreatedAt, note.EditableUntil, editable, amendable, versions[0], versions);
    }

    private static Version ToVersion(SessionNoteVersion v, SessionNoteVersion? next) =>
        new(v.Number, v.SessionDate, v.Minutes, v.Kind, v.WorkedOn, v.PracticesUsed, v.NextSteps, v.Risk, v.WrittenAt, v.WrittenByName, v.EditedAt, next?.WrittenAt, next?.WrittenByName);
}

/// <summary>One version as the note page draws it, with its times in the clinic's zone and, for an earlier one, who amended it and when.</summary>
public sealed record SessionNoteVersionView(ShowSessionNotes.Version Version, string WrittenAt, string? EditedAt, string? Amended);
