using InnerAlly.Features.CareTeam;

namespace InnerAlly.Features.SessionNotes;

/// <summary>A therapist writes the notes of a session with one of their active clients.</summary>
public static class WriteSessionNote
{
    public const string ClientNeeded = "Please say which client the note is about (the care relationship's id).";

    public sealed class Request : SessionNoteForm
    {
        /// <summary>The care relationship's id (as in GET /api/v1/caseload); it must be yours and active.</summary>
        [Required(ErrorMessage = ClientNeeded)]
        public Guid? Client { get; set; }
    }

    /// <summary>The new note, or null when the relationship is not this therapist's active one (the caller answers 404).</summary>
    public static async Task<SessionNote?> HandleAsync(Guid therapistUserId, Guid relationshipId, SessionNoteForm form, CareAccess access, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await access.ClientAsync(therapistUserId, relationshipId, cancellationToken) is not { } client)
        {
            return null;
        }

        // The address as it is today, sealed with the note, so the clinic's record still says whose it is if the account goes.
        var email = await db.Users.Where(u => u.Id == client.ClientId).Select(u => u.Email).SingleAsync(cancellationToken) ?? "";
        var note = SessionNote.Write(client.Relationship, client.Therapist, email, form.ToContent(), clock.GetUtcNow().UtcDateTime);
        db.SessionNotes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return note;
    }
}
