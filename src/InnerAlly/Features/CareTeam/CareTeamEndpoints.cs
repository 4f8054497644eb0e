using InnerAlly.Features.Clinics;

namespace InnerAlly.Features.CareTeam;

/// <summary>
/// The client's side: /api/v1/invitations (accepting a therapist's code) and /api/v1/care-team (their
/// therapists, what each sees, ending, and every look at their data).
/// </summary>
public static class CareTeamEndpoints
{
    public static void MapCareTeam(this IEndpointRouteBuilder app)
    {
        var invitations = app.MapApi("/api/v1/invitations", "Care team");
        invitations.MapGet("/", ListInvitationsAsync).WithName("ListClientInvitations");
        invitations.MapPost("/", InviteAsync).WithName("InviteClient").ProducesValidationProblem();
        invitations.MapDelete("/{id:guid}", WithdrawAsync).WithName("WithdrawClientInvitation");
        invitations.MapGet("/code/{code}", PreviewAsync).WithName("PreviewClientInvitation");
        invitations.MapPost("/accept", AcceptAsync).WithName("AcceptClientInvitation").ProducesValidationProblem();

        var team = app.MapApi("/api/v1/care-team", "Care team");
        team.MapGet("/", ListAsync).WithName("ListCareTeam");
        team.MapGet("/looks", LooksAsync).WithName("ListCareTeamLooks");
        team.MapPut("/{id:guid}/sharing", ShareAsync).WithName("ChangeSharing").ProducesValidationProblem();
        team.MapDelete("/{id:guid}", EndAsync).WithName("EndCareRelationship");
        team.MapGet("/{id:guid}/preview", PreviewTherapistViewAsync).WithName("PreviewTherapistView");
        team.MapGet("/entries/{entryId:guid}", EntryAsync).WithName("ShowEntrySharing");
        team.MapPut("/{id:guid}/entries/{entryId:guid}", ShareEntryAsync).WithName("ChangeEntrySharing").ProducesValidationProblem();
    }

    /// <summary>
    /// Your therapist's page about you, exactly as they see it with what you share now (the same
    /// answer as their GET /api/v1/caseload/{id}). Reading your own data is not recorded as a look.
    /// 404 unless the relationship is yours and still active.
    /// </summary>
    public static async Task<Results<Ok<CareTeamJson.Client>, NotFound>> PreviewTherapistViewAsync(
        Guid id, ClaimsPrincipal user, CareAccess access, AppDbContext db, CareContent content, TimeProvider clock, CancellationToken cancellationToken) =>
        await access.OwnAsync(user.GetUserId(), id, cancellationToken) is { } client
            ? TypedResults.Ok(CareTeamJson.From(await ShowClient.ReadAsync(client, access, db, content, clock, cancellationToken)))
            : TypedResults.NotFound();

    /// <summary>Your open invitations to clients, newest first. For therapists.</summary>
    public static async Task<Results<Ok<CareTeamJson.Invitations>, NotFound>> ListInvitationsAsync(
        string? clinic, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await db.AsTherapistAsync(user.GetUserId(), clinic, cancellationToken) is { } place
            ? TypedResults.Ok(new CareTeamJson.Invitations(await InviteClient.ListOpenAsync(place.Member, db, clock, cancellationToken)))
            : TypedResults.NotFound();

    /// <summary>Invite a client: the answer holds an 8-character code and a link, once; they work once, for 14 days. With an email address and email on, the link is also sent. For therapists (?clinic=slug when you work in several).</summary>
    public static async Task<Results<Ok<InviteClient.Response>, NotFound>> InviteAsync(
        string? clinic, InviteClient.Request request, ClaimsPrincipal user, AppDbContext db, ClientInvitationMail mail, TimeProvider clock, CancellationToken cancellationToken) =>
        await db.AsTherapistAsync(user.GetUserId(), clinic, cancellationToken) is { } place
            ? TypedResults.Ok(await InviteClient.HandleAsync(place.Member, place.Clinic.Name, request, db, mail, clock, cancellationToken))
            : TypedResults.NotFound();

    /// <summary>Withdraw one of your invitations that has not been accepted; its code stops working. For therapists.</summary>
    public static async Task<Results<NoContent, NotFound>> WithdrawAsync(
        Guid id, string? clinic, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await db.AsTherapistAsync(user.GetUserId(), clinic, cancellationToken) is { } place && await InviteClient.WithdrawAsync(place.Member, id, db, clock, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();

    /// <summary>Who an invitation code is from, and what could be shared, before accepting it.</summary>
    public static async Task<Results<Ok<CareTeamJson.InvitationPreview>, NotFound>> PreviewAsync(string code, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await AcceptClientInvitation.PreviewAsync(code, db, clock, cancellationToken) is { } preview
            ? TypedResults.Ok(new CareTeamJson.InvitationPreview(preview.TherapistName, preview.ClinicName, CareTeamJson.Categories()))
            : TypedResults.NotFound();

    /// <summary>Accept a therapist's invitation with its code. Nothing is shared unless you list it in sharing.</summary>
    public static async Task<Results<Ok<ListCareTeam.Therapist>, ValidationProblem>> AcceptAsync(
        AcceptClientInvitation.Request request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var problems = ChangeSharing.Problems(request.Sharing);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var (outcome, id) = await AcceptClientInvitation.HandleAsync(request, user.GetUserId(), db, clock, cancellationToken);
        return outcome switch
        {
            AcceptClientInvitation.Outcome.Joined => TypedResults.Ok((await ListCareTeam.HandleAsync(user.GetUserId(), db, cancellationToken)).Single(t => t.Id == id)),
            AcceptClientInvitation.Outcome.OwnInvitation => Problem(AcceptClientInvitation.OwnInvitation),
            AcceptClientInvitation.Outcome.AlreadyWorking => Problem(AcceptClientInvitation.AlreadyWorking),
            _ => Problem(AcceptClientInvitation.NotOpen),
        };
    }

    /// <summary>Your therapists on InnerAlly, and what each one sees.</summary>
    public static async Task<Ok<CareTeamJson.CareTeam>> ListAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CareTeamJson.CareTeam(await ListCareTeam.HandleAsync(user.GetUserId(), db, cancellationToken), CareTeamJson.Categories()));

    /// <summary>Every time a therapist looked at your data, newest first (the latest 200).</summary>
    public static async Task<Ok<CareTeamJson.Looks>> LooksAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CareTeamJson.Looks(await ListCareTeam.LooksAsync(user.GetUserId(), db, cancellationToken)));

    /// <summary>Set everything one therapist sees: the full list of shared categories. It takes effect on their very next request.</summary>
    public static async Task<Results<Ok<ListCareTeam.Therapist>, NotFound, ValidationProblem>> ShareAsync(
        Guid id, ChangeSharing.Request request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var problems = ChangeSharing.Problems(request.Sharing);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        return await ChangeSharing.HandleAsync(user.GetUserId(), id, request.Sharing, db, clock, cancellationToken)
            ? TypedResults.Ok((await ListCareTeam.HandleAsync(user.GetUserId(), db, cancellationToken)).Single(t => t.Id == id))
            : TypedResults.NotFound();
    }

    /// <summary>Stop working with this therapist on InnerAlly: their access ends at once. What you shared stays yours.</summary>
    public static async Task<Results<NoContent, NotFound>> EndAsync(Guid id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await EndCareRelationship.ByClientAsync(user.GetUserId(), id, db, clock, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>One of your journal entries, records, letters or cards: for each of your therapists, whether they see it and why ("category" or "entry").</summary>
    public static async Task<Results<Ok<EntrySharing.Statuses>, NotFound>> EntryAsync(Guid entryId, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        await EntrySharing.ListAsync(user.GetUserId(), entryId, db, cancellationToken) is { } statuses ? TypedResults.Ok(statuses) : TypedResults.NotFound();

    /// <summary>For one therapist and one entry: "share" (share this one), "private" (keep this one private) or "as-category". It takes effect on their very next request.</summary>
    public static async Task<Results<Ok<EntrySharing.Statuses>, NotFound, ValidationProblem>> ShareEntryAsync(
        Guid id, Guid entryId, EntrySharing.Request request, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!EntrySharing.IsChoice(request.Choice))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["choice"] = [EntrySharing.ChoiceNeeded] });
        }

        return await EntrySharing.ChangeAsync(user.GetUserId(), id, entryId, request.Choice!, db, clock, cancellationToken) switch
        {
            EntrySharing.Outcome.Changed => TypedResults.Ok((await EntrySharing.ListAsync(user.GetUserId(), entryId, db, cancellationToken))!),
            EntrySharing.Outcome.DraftLetter => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["choice"] = [EntrySharing.DraftLetter] }),
            _ => TypedResults.NotFound(),
        };
    }

    private static ValidationProblem Problem(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = [message] });
}
