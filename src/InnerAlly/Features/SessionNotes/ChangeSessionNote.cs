using InnerAlly.Features.CareTeam;

namespace InnerAlly.Features.SessionNotes;

/// <summary>
/// Its author changes a note: in place within 24 hours of writing it (and before any amendment),
/// after that only by an amendment, a new version that leaves the one before it as it was.
/// </summary>
public static class ChangeSessionNote
{
    public enum Outcome
    {
        Changed,

        /// <summary>No such note that this person wrote and may still change: 404.</summary>
        NotFound,

        /// <summary>It is a record now (24 hours have passed, or it was amended): 409, amend it instead.</summary>
        IsRecord,
    }

    public const string RecordTitle = "This note is part of the record now";
    public const string RecordDetail = "A session note can be changed for 24 hours after it is written. After that, add an amendment: the note as it was stays beside it.";

    public static async Task<Outcome> EditAsync(Guid therapistUserId, Guid noteId, SessionNoteForm form, CareAccess access, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await FindOwnAsync(therapistUserId, noteId, access, cancellationToken) is not { } note)
        {
            return Outcome.NotFound;
        }

        if (!note.Edit(form.ToContent(), clock.GetUtcNow().UtcDateTime))
        {
            return Outcome.IsRecord;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Changed;
    }

    /// <summary>A new version of the note by its author; null when there is no such note they may change.</summary>
    public static async Task<SessionNote?> AmendAsync(Guid therapistUserId, Guid noteId, SessionNoteForm form, CareAccess access, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await access.SessionNotes(therapistUserId).SingleOrDefaultAsync(n => n.Id == noteId, cancellationToken) is not { } note
            || await access.AuthorOfAsync(therapistUserId, note, cancellationToken) is not { } author)
        {
            return null;
        }

        db.Add(note.Amend(author, form.ToContent(), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return note;
    }

    private static async Task<SessionNote?> FindOwnAsync(Guid therapistUserId, Guid noteId, CareAccess access, CancellationToken cancellationToken) =>
        await access.SessionNotes(therapistUserId).SingleOrDefaultAsync(n => n.Id == noteId, cancellationToken) is { } note
            && await access.AuthorOfAsync(therapistUserId, note, cancellationToken) is not null
            ? note
            : null;
}
