using Hl7.Fhir.Model;
using InnerAlly.Features.Measures;

namespace InnerAlly.Features.CareTeam;

/// <summary>
/// One client, as the therapist can take them to another system: a FHIR R4 collection Bundle of
/// the relationship (Patient, Organization, Practitioner, PractitionerRole, CareTeam), the
/// client's sharing as Consents, and, where questionnaires are shared, the shared responses with
/// their questionnaires and scores. Read through the rule; the questionnaires read are recorded.
/// </summary>
public static class ExportClientFhir
{
    /// <summary>Null when this is not one of the therapist's active clients (the caller answers 404).</summary>
    public static async Task<Bundle?> HandleAsync(Guid therapistUserId, Guid relationshipId, CareAccess access, AppDbContext db, CareContent content, HttpContext http, CancellationToken cancellationToken)
    {
        if (await access.ClientAsync(therapistUserId, relationshipId, cancellationToken) is not { } client)
        {
            return null;
        }

        IReadOnlyList<string> read = client.Shares(SharingCategories.Questionnaires) ? [SharingCategories.Questionnaires] : [];
        await access.RecordAsync(client, read, null, http, cancellationToken);
        var clinic = await db.Clinics.AsNoTracking().SingleAsync(c => c.Id == client.Relationship.ClinicId, cancellationToken);
        var site = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        var responses = client.Shares(SharingCategories.Questionnaires)
            ? (await access.QuestionnairesAsync([client], cancellationToken))[client.ClientId]
                .GroupBy(r => r.InstrumentCode)
                .Select(g => (Instrument: content.Instruments.Find(g.Key), Responses: g))
                .Where(g => g.Instrument is not null)
                .SelectMany(g => MeasureHistory.Read(g.Instrument!, MeasureHistory.InOrder(g.Responses)).Select(e => (g.Instrument!, e)))
                .OrderBy(x => x.e.Response.CompletedAt)
                .ToList()
            : [];

        IEnumerable<Resource> resources =
        [
            .. CareTeamFhir.PeopleFor(client, clinic),
            .. CareTeamFhir.ConsentsFor(client, clinic),
            .. CareTeamFhir.QuestionnairesFor(client, responses, site),
        ];
        return CareTeamFhir.Collection(resources, new Uri(site, $"/api/v1/caseload/{relationshipId}/fhir/"));
    }
}
