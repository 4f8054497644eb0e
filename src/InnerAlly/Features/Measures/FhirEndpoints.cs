using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http.Extensions;

namespace InnerAlly.Features.Measures;

/// <summary>FHIR R4 export of the caller's own questionnaires and results, as application/fhir+json: /api/v1/fhir.</summary>
public static class FhirEndpoints
{
    public static RouteGroupBuilder MapFhir(this IEndpointRouteBuilder app)
    {
        var group = app.MapApi("/api/v1/fhir", "FHIR");

        group.MapGet("/Questionnaire/{code}", GetQuestionnaire).WithName("FhirQuestionnaire");
        group.MapGet("/QuestionnaireResponse", SearchResponsesAsync).WithName("FhirQuestionnaireResponses");
        group.MapGet("/QuestionnaireResponse/{id:guid}", GetResponseAsync).WithName("FhirQuestionnaireResponse");
        group.MapGet("/Observation", SearchObservationsAsync).WithName("FhirObservations");
        group.MapGet("/Observation/{id}", GetObservationAsync).WithName("FhirObservation");
        return group;
    }

    private static Uri Site(HttpRequest request) => new($"{request.Scheme}://{request.Host}/");

    private static ContentHttpResult Fhir(Resource resource) => TypedResults.Text(FhirExport.Serialize(resource), FhirExport.ContentType);

    /// <summary>A questionnaire as a FHIR R4 Questionnaire.</summary>
    public static Results<ContentHttpResult, NotFound> GetQuestionnaire(string code, InstrumentCatalog catalog, HttpRequest request) =>
        catalog.Find(code) is { } instrument ? Fhir(FhirExport.QuestionnaireFor(instrument, Site(request))) : TypedResults.NotFound();

    /// <summary>Every response of the caller's, with its instrument, oldest first; those of an instrument no longer offered are left out.</summary>
    private static async Task<IReadOnlyList<(Instrument Instrument, MeasureHistory.Entry Entry)>> EverythingAsync(
        Guid userId, InstrumentCatalog catalog, AppDbContext db, CancellationToken cancellationToken)
    {
        var codes = await db.MeasureResponses.AsNoTracking().Where(r => r.UserId == userId).Select(r => r.InstrumentCode).Distinct().ToListAsync(cancellationToken);
        var found = new List<(Instrument, MeasureHistory.Entry)>();
        foreach (var instrument in codes.Select(catalog.Find).OfType<Instrument>())
        {
            found.AddRange((await MeasureHistory.ListAsync(instrument, userId, db, cancellationToken)).Select(e => (instrument, e)));
        }

        return found;
    }

    /// <summary>Your responses as a FHIR R4 searchset Bundle of QuestionnaireResponses (drafts are in-progress).</summary>
    public static async Task<ContentHttpResult> SearchResponsesAsync(
        ClaimsPrincipal user, InstrumentCatalog catalog, AppDbContext db, HttpRequest request, CancellationToken cancellationToken)
    {
        var site = Site(request);
        var everything = await EverythingAsync(user.GetUserId(), catalog, db, cancellationToken);
        return Fhir(FhirExport.SearchSet(everything.Select(x => FhirExport.ResponseFor(x.Instrument, x.Entry.Response, site)), site, request.GetEncodedUrl()));
    }

    /// <summary>One of your responses as a FHIR R4 QuestionnaireResponse.</summary>
    public static async Task<Results<ContentHttpResult, NotFound>> GetResponseAsync(
        Guid id, ClaimsPrincipal user, InstrumentCatalog catalog, AppDbContext db, HttpRequest request, CancellationToken cancellationToken)
    {
        var match = (await EverythingAsync(user.GetUserId(), catalog, db, cancellationToken)).FirstOrDefault(x => x.Entry.Response.Id == id);
        return match.Instrument is null ? TypedResults.NotFound() : Fhir(FhirExport.ResponseFor(match.Instrument, match.Entry.Response, Site(request)));
    }

    /// <summary>Your total scores as a FHIR R4 searchset Bundle of Observations; code= a LOINC code such as 44261-6 (PHQ-9 total) or 44249-1 (its panel), or system|code.</summary>
    public static async Task<ContentHttpResult> SearchObservationsAsync(
        string? code, ClaimsPrincipal user, InstrumentCatalog catalog, AppDbContext db, HttpRequest request, CancellationToken cancellationToken)
    {
        var (system, value) = code?.Split('|', 2) is [var s, var c] ? (s, c) : (null, code);
        var observations = (await EverythingAsync(user.GetUserId(), catalog, db, cancellationToken))
            .SelectMany(x => FhirExport.ObservationsFor(x.Instrument, x.Entry))
            .Where(o => value is null || o.Code.Coding.Any(c => c.Code == value && (system is null || c.System == system)));
        return Fhir(FhirExport.SearchSet(observations, Site(request), request.GetEncodedUrl()));
    }

    /// <summary>One of your Observations ({response id}-total or -panel).</summary>
    public static async Task<Results<ContentHttpResult, NotFound>> GetObservationAsync(
        string id, ClaimsPrincipal user, InstrumentCatalog catalog, AppDbContext db, CancellationToken cancellationToken)
    {
        var observation = (await EverythingAsync(user.GetUserId(), catalog, db, cancellationToken))
            .SelectMany(x => FhirExport.ObservationsFor(x.Instrument, x.Entry))
            .FirstOrDefault(o => o.Id == id);
        return observation is null ? TypedResults.NotFound() : Fhir(observation);
    }
}
