using InnerAlly.Features.CareTeam;

namespace InnerAlly.Features.SessionNotes;

/// <summary>/api/v1/session-notes: a therapist's notes of their sessions, the clinic's record. Never the client's, never the admin's.</summary>
public static class SessionNoteEndpoints
{
    public sealed record NoteList(IReadOnlyList<ShowSessionNotes.Item> Notes);

    public static void MapSessionNotes(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/v1/session-notes", "Session notes");
        group.MapGet("/", ListAsync).WithName("ListSessionNotes");
        group.MapPost("/", WriteAsync).WithName("WriteSessionNote").ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).WithName("ShowSessionNote");
        group.MapPut("/{id:guid}", EditAsync).WithName("EditSessionNote").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/amendments", AmendAsync).WithName("AmendSessionNote").ProducesValidationProblem();
    }

    /// <summary>
    /// The session notes you may read, newest session first: yours, and while your clinic keeps a
    /// shared clinical record, your colleagues'. ?client= a care relationship's id (or the client's
    /// account id) for one client. The list never says whether notes you may not read exist.
    /// </summary>
    public static async Task<Ok<NoteList>> ListAsync(Guid? client, ClaimsPrincipal user, CareAccess access, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(new NoteList(await ShowSessionNotes.ListAsync(user.GetUserId(), client, access, db, cancellationToken)));

    /// <summary>Write the notes of a session with one of your active clients (client: the care relationship's id). Sealed at rest; the client does not see them in InnerAlly.</summary>
    public static async Task<Results<Created<ShowSessionNotes.Note>, NotFound>> WriteAsync(
        WriteSessionNote.Request request, ClaimsPrincipal user, CareAccess access, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await WriteSessionNote.HandleAsync(user.GetUserId(), request.Client!.Value, request, access, db, clock, cancellationToken) is { } note
            ? TypedResults.Created($"/api/v1/session-notes/{note.Id}", ShowSessionNotes.From(note, editable: true, amendable: true))
            : TypedResults.NotFound();

    /// <summary>One note with every version, the current one first. 404 unless you may read it.</summary>
    public static async Task<Results<Ok<ShowSessionNotes.Note>, NotFound>> GetAsync(Guid id, ClaimsPrincipal user, CareAccess access, TimeProvider clock, CancellationToken cancellationToken) =>
        await ShowSessionNotes.ShowAsync(user.GetUserId(), id, access, clock, cancellationToken) is { } note ? TypedResults.Ok(note) : TypedResults.NotFound();

    /// <summary>Change your note's words in place, within 24 hours of writing it. After that it is a record: 409, and an amendment (POST {id}/amendments) instead. 404 unless you wrote it.</summary>
    public static async Task<Results<Ok<ShowSessionNotes.Note>, NotFound, ProblemHttpResult>> EditAsync(
        Guid id, SessionNoteForm request, ClaimsPrincipal user, CareAccess access, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await ChangeSessionNote.EditAsync(user.GetUserId(), id, request, access, db, clock, cancellationToken) switch
        {
            ChangeSessionNote.Outcome.Changed => TypedResults.Ok(await ShowSessionNotes.ShowAsync(user.GetUserId(), id, access, clock, cancellationToken)),
            ChangeSessionNote.Outcome.IsRecord => TypedResults.Problem(ChangeSessionNote.RecordDetail, statusCode: StatusCodes.Status409Conflict, title: ChangeSessionNote.RecordTitle),
            _ => TypedResults.NotFound(),
        };

    /// <summary>Amend your note: a new version, shown as the current one; the version before stays, marked as amended, with who and when. 404 unless you wrote it.</summary>
    public static async Task<Results<Created<ShowSessionNotes.Note>, NotFound>> AmendAsync(
        Guid id, SessionNoteForm request, ClaimsPrincipal user, CareAccess access, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await ChangeSessionNote.AmendAsync(user.GetUserId(), id, request, access, db, clock, cancellationToken) is { } note
            ? TypedResults.Created($"/api/v1/session-notes/{note.Id}", ShowSessionNotes.From(note, editable: false, amendable: true))
            : TypedResults.NotFound();
}
