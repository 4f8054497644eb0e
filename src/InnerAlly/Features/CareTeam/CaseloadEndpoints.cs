using InnerAlly.Features.Measures;

namespace InnerAlly.Features.CareTeam;

/// <summary>The therapist's side: /api/v1/caseload, their active clients, each read through <see cref="CareAccess"/> and recorded.</summary>
public static class CaseloadEndpoints
{
    public static void MapCaseload(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/v1/caseload", "Caseload");
        group.MapGet("/", ListAsync).WithName("ShowCaseload");
        group.MapGet("/{id:guid}", GetAsync).WithName("ShowCaseloadClient");
        group.MapGet("/looks", LooksAsync).WithName("ListMyLooks");
        group.MapDelete("/{id:guid}", EndAsync).WithName("EndCareRelationshipAsTherapist");
        group.MapGet("/{id:guid}/writing/{entryId:guid}", EntryAsync).WithName("ShowSharedEntry");
        group.MapGet("/{id:guid}/fhir", FhirAsync).WithName("ExportCaseloadClientFhir");
    }

    /// <summary>Your active clients with what each shares of the last 14 days, what needs attention first. A category not shared is null.</summary>
    public static async Task<Ok<CareTeamJson.Caseload>> ListAsync(
        ClaimsPrincipal user, CareAccess access, AppDbContext db, InstrumentCatalog instruments, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CareTeamJson.Caseload(await ShowCaseload.HandleAsync(user.GetUserId(), access, db, instruments, clock, http, cancellationToken)));

    /// <summary>One client: their shared check-in trend (90 days), recent check-ins, practices and questionnaire responses. 404 unless they are your active client.</summary>
    public static async Task<Results<Ok<CareTeamJson.Client>, NotFound>> GetAsync(
        Guid id, ClaimsPrincipal user, CareAccess access, AppDbContext db, CareContent content, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
        await ShowClient.HandleAsync(user.GetUserId(), id, access, db, content, clock, http, cancellationToken) is { } view
            ? TypedResults.Ok(CareTeamJson.From(view))
            : TypedResults.NotFound();

    /// <summary>One journal entry, record, letter or card the client shares with you, read-only. 404 unless it is shared with you now.</summary>
    public static async Task<Results<Ok<CareTeamJson.Entry>, NotFound>> EntryAsync(
        Guid id, Guid entryId, ClaimsPrincipal user, CareAccess access, AppDbContext db, CareContent content, HttpContext http, CancellationToken cancellationToken) =>
        await ShowSharedEntry.HandleAsync(user.GetUserId(), id, entryId, access, db, content, http, cancellationToken) is { } view
            ? TypedResults.Ok(new CareTeamJson.Entry(entryId, view.Category, view.CreatedAt, view.UpdatedAt, view.Sections))
            : TypedResults.NotFound();

    /// <summary>This client as a FHIR R4 collection Bundle (application/fhir+json): Patient, Organization, Practitioner, PractitionerRole, CareTeam, a Consent per sharing choice, and the questionnaires they share. 404 unless they are your active client.</summary>
    public static async Task<Results<ContentHttpResult, NotFound>> FhirAsync(
        Guid id, ClaimsPrincipal user, CareAccess access, AppDbContext db, CareContent content, HttpContext http, CancellationToken cancellationToken) =>
        await ExportClientFhir.HandleAsync(user.GetUserId(), id, access, db, content, http, cancellationToken) is { } bundle
            ? TypedResults.Text(FhirExport.Serialize(bundle), FhirExport.ContentType)
            : TypedResults.NotFound();

    /// <summary>Your own looks at clients' data, newest first (the latest 50): what each client sees of you.</summary>
    public static async Task<Ok<CareTeamJson.MyLooks>> LooksAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CareTeamJson.MyLooks(await ListMyLooks.HandleAsync(user.GetUserId(), db, cancellationToken)));

    /// <summary>End your work with this client on InnerAlly; what they shared stays theirs.</summary>
    public static async Task<Results<NoContent, NotFound>> EndAsync(Guid id, ClaimsPrincipal user, CareAccess access, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await access.ClientAsync(user.GetUserId(), id, cancellationToken) is { } client && await EndCareRelationship.ByTherapistAsync(client, db, clock, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
}
