using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using InnerAlly.Features.CareTeam;
using InnerAlly.Tests.Infrastructure;
using static InnerAlly.Tests.Features.CareTeam.CareTeamSetup;
using static InnerAlly.Tests.Features.Writing.WritingSamples;
using Task = System.Threading.Tasks.Task;

namespace InnerAlly.Tests.Features.CareTeam;

// Firely's POCOs mark every element as possibly null; one that is missing fails the test just the same.
#pragma warning disable CS8600, CS8602, CS8604

/// <summary>A client's work with their therapist as a FHIR R4 Bundle: valid, naming the client only as they chose, and stating their sharing as Consents.</summary>
public sealed class CareTeamFhirTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static readonly JsonSerializerOptions Firely = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    private readonly CareTeamSetup _setup = new(factory);

    private static async Task<Bundle> BundleAsync(HttpClient therapist, Guid relationship)
    {
        var response = await therapist.GetAsync($"/api/v1/caseload/{relationship}/fhir", Cancel);
        var json = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {json}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType.MediaType);
        var bundle = JsonSerializer.Deserialize<Bundle>(json, Firely);
        var problems = bundle.Validate(ModelInfo.ModelInspector, NarrativeValidationKind.FhirXhtml, validator: null, validateRecursively: true);
        Assert.True(problems.Count == 0, $"The bundle fails Firely's validation: {string.Join("; ", problems.Select(p => p.ToString()))}");
        return bundle;
    }

    private static IReadOnlyList<T> All<T>(Bundle bundle)
        where T : Resource => [.. bundle.Entry.Select(e => e.Resource).OfType<T>()];

    [Fact]
    public async Task The_bundle_holds_the_care_team_the_consents_and_only_the_shared_questionnaires()
    {
        var clinic = await _setup.ClinicAsync();
        var client = await _setup.ClientAsync(clinic.Therapist, SharingCategories.Questionnaires + "+", SharingCategories.CheckInRatings);
        await Ok(await client.Http.PostAsJsonAsync("/api/v1/instruments/gad7/responses", new
        {
            answers = new Dictionary<string, int> { ["1"] = 1, ["2"] = 2, ["3"] = 0, ["4"] = 1, ["5"] = 3, ["6"] = 0, ["7"] = 2 },
            status = "complete",
        }, Cancel));
        var (entry, _) = await CreateAsync(client.Http, JournalUrl, Body(JournalUrl, "the plover entry"));
        await Ok(await client.Http.PutAsJsonAsync($"/api/v1/care-team/{client.RelationshipId}/entries/{entry}", new { choice = "share" }, Cancel));

        var bundle = await BundleAsync(clinic.Therapist, client.RelationshipId);

        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        var patient = Assert.Single(All<Patient>(bundle));
        Assert.Equal("Jo", patient.Name.Single().Text);
        Assert.Equal("Dr Sam Rivera", Assert.Single(All<Practitioner>(bundle)).Name.Single().Text);
        var role = Assert.Single(All<PractitionerRole>(bundle));
        Assert.Equal($"Organization/{Assert.Single(All<Organization>(bundle)).Id}", role.Organization.Reference);
        var team = Assert.Single(All<Hl7.Fhir.Model.CareTeam>(bundle));
        Assert.Equal($"Patient/{patient.Id}", team.Subject.Reference);
        Assert.Equal($"PractitionerRole/{role.Id}", team.Participant.Single().Member.Reference);

        var consents = All<Consent>(bundle).ToDictionary(c => c.Provision.Code.Single().Coding.Single().Code!);
        Assert.Equal([SharingCategories.CheckInRatings, SharingCategories.Questionnaires, SharingCategories.Journal], consents.Keys);
        Assert.Equal(Consent.ConsentProvisionType.Permit, consents[SharingCategories.Questionnaires].Provision.Type);
        Assert.Null(consents[SharingCategories.Questionnaires].Provision.DataPeriod);
        Assert.NotNull(consents[SharingCategories.CheckInRatings].Provision.DataPeriod.Start);
        var journal = consents[SharingCategories.Journal].Provision;
        Assert.Equal(Consent.ConsentProvisionType.Deny, journal.Type);
        var alone = journal.Provision.Single();
        Assert.Equal(Consent.ConsentProvisionType.Permit, alone.Type);
        Assert.Equal(entry.ToString(), alone.Data.Single().Reference.Identifier.Value);
        Assert.All(consents.Values, c => Assert.Equal($"PractitionerRole/{role.Id}", c.Provision.Actor.Single().Reference.Reference));

        var response = Assert.Single(All<QuestionnaireResponse>(bundle));
        Assert.Equal($"Patient/{patient.Id}", response.Subject.Reference);
        Assert.Equal(9m, All<Observation>(bundle).Single(o => o.Id.EndsWith("-total", StringComparison.Ordinal)).Value is Quantity q ? q.Value : null);
        var text = await (await clinic.Therapist.GetAsync($"/api/v1/caseload/{client.RelationshipId}/fhir", Cancel)).Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain(client.Email, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("plover", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_questionnaires_shared_the_bundle_holds_none_and_it_is_404_once_the_work_ends()
    {
        var clinic = await _setup.ClinicAsync();
        var client = await _setup.ClientAsync(clinic.Therapist);
        await Ok(await client.Http.PostAsJsonAsync("/api/v1/instruments/gad7/responses", new
        {
            answers = new Dictionary<string, int> { ["1"] = 1, ["2"] = 2, ["3"] = 0, ["4"] = 1, ["5"] = 3, ["6"] = 0, ["7"] = 2 },
            status = "complete",
        }, Cancel));

        var bundle = await BundleAsync(clinic.Therapist, client.RelationshipId);
        Assert.Empty(All<Consent>(bundle));
        Assert.Empty(All<QuestionnaireResponse>(bundle));
        Assert.Empty(All<Observation>(bundle));

        await Ok(await client.Http.DeleteAsync($"/api/v1/care-team/{client.RelationshipId}", Cancel));
        Assert.Equal(HttpStatusCode.NotFound, (await clinic.Therapist.GetAsync($"/api/v1/caseload/{client.RelationshipId}/fhir", Cancel)).StatusCode);
    }
}
