using System.Net;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using InnerAlly.Tests.Infrastructure;
using static InnerAlly.Tests.Features.Measures.RecordResponseApiTests;
using Task = System.Threading.Tasks.Task;

namespace InnerAlly.Tests.Features.Measures;

// Firely's POCOs mark every element as possibly null; one that is missing fails the test just the same.
#pragma warning disable CS8600, CS8602

/// <summary>The FHIR R4 export parses back with the Firely SDK, passes its validation, and holds only the caller's own resources.</summary>
public sealed class FhirExportTests(InnerAllyFactory factory) : IClassFixture<InnerAllyFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Strict by default: anything that is not valid FHIR R4 fails to parse.
    private static readonly JsonSerializerOptions Firely = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    private static async Task<T> ReadAsync<T>(HttpClient client, string url)
        where T : Resource
    {
        var response = await client.GetAsync(url, Cancel);
        var json = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {json}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType!.MediaType);
        var resource = JsonSerializer.Deserialize<T>(json, Firely)!;
        var problems = resource.Validate(ModelInfo.ModelInspector, NarrativeValidationKind.FhirXhtml, validator: null, validateRecursively: true);
        Assert.True(problems.Count == 0, $"{url} fails Firely's validation: {string.Join("; ", problems.Select(p => p.ToString()))}");
        return resource;
    }

    private async Task<(HttpClient Owner, HttpClient Other, Guid FirstPhq9)> ArrangeAsync()
    {
        var owner = await factory.CreateClientForNewPersonAsync();
        var other = await factory.CreateClientForNewPersonAsync();
        var first = await PostAsync(owner, "phq9", Phq9(2, 2, 1, 2, 1, 1, 1, 1, 1)); // 12
        await PostAsync(owner, "phq9", Phq9(1, 1, 0, 1, 0, 1, 0, 1, 0)); // 5
        await PostAsync(owner, "gad7", Phq9(1, 1, 1, 1, 1, 1, 1)); // 7
        await PostAsync(owner, "who5", new { answers = new Dictionary<string, int> { ["1"] = 3 }, status = "draft" });
        await PostAsync(other, "phq9", Phq9(3, 3, 3, 3, 3, 3, 3, 3, 0));
        return (owner, other, first.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_questionnaire_is_a_valid_fhir_questionnaire_with_the_published_items_and_options()
    {
        var client = await factory.CreateClientForNewPersonAsync();

        var questionnaire = await ReadAsync<Questionnaire>(client, "/api/v1/fhir/Questionnaire/phq9");

        Assert.Equal("http://localhost/api/v1/fhir/Questionnaire/phq9", questionnaire.Url);
        Assert.Equal("44249-1", questionnaire.Code.Single().Code);
        var items = questionnaire.Item.Where(i => i.Type == Questionnaire.QuestionnaireItemType.Choice).ToList();
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9", "difficulty"], items.Select(i => i.LinkId));
        Assert.Equal("Thoughts that you would be better off dead or of hurting yourself in some way", items[8].Text);
        Assert.Equal(["Not at all", "Several days", "More than half the days", "Nearly every day"], items[0].AnswerOption.Select(o => ((Coding)o.Value).Display));
        Assert.Contains("Pfizer", questionnaire.Copyright, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/fhir/Questionnaire/fscrs", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Responses_are_a_searchset_bundle_of_the_callers_own_questionnaire_responses()
    {
        var (owner, other, firstId) = await ArrangeAsync();

        var bundle = await ReadAsync<Bundle>(owner, "/api/v1/fhir/QuestionnaireResponse");
        var theirs = await ReadAsync<Bundle>(other, "/api/v1/fhir/QuestionnaireResponse");

        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        Assert.Equal(4, bundle.Total);
        var responses = bundle.Entry.Select(e => (QuestionnaireResponse)e.Resource).ToList();
        Assert.Equal(3, responses.Count(r => r.Status == QuestionnaireResponse.QuestionnaireResponseStatus.Completed));
        Assert.Equal("http://localhost/api/v1/fhir/Questionnaire/who5", responses.Single(r => r.Status == QuestionnaireResponse.QuestionnaireResponseStatus.InProgress).Questionnaire);
        var first = responses.Single(r => r.Id == firstId.ToString());
        Assert.Equal("1", ((Coding)first.Item.Single(i => i.LinkId == "9").Answer.Single().Value).Code);
        Assert.Equal($"http://localhost/api/v1/fhir/QuestionnaireResponse/{firstId}", bundle.Entry.Single(e => e.Resource.Id == firstId.ToString()).FullUrl);
        Assert.Equal(1, theirs.Total);
        Assert.DoesNotContain(theirs.Entry, e => e.Resource.Id == firstId.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/fhir/QuestionnaireResponse/{firstId}", Cancel)).StatusCode);
        Assert.Equal(firstId.ToString(), (await ReadAsync<QuestionnaireResponse>(owner, $"/api/v1/fhir/QuestionnaireResponse/{firstId}")).Id);
    }

    [Fact]
    public async Task Observations_carry_each_total_with_its_loinc_code_under_its_panel()
    {
        var (owner, other, firstId) = await ArrangeAsync();

        var phq9Totals = await ReadAsync<Bundle>(owner, "/api/v1/fhir/Observation?code=44261-6");
        var gad7Totals = await ReadAsync<Bundle>(owner, "/api/v1/fhir/Observation?code=http://loinc.org|70274-6");
        var phq9Panels = await ReadAsync<Bundle>(owner, "/api/v1/fhir/Observation?code=44249-1");
        var all = await ReadAsync<Bundle>(owner, "/api/v1/fhir/Observation");
        var wrongSystem = await ReadAsync<Bundle>(owner, "/api/v1/fhir/Observation?code=http://snomed.info/sct|44261-6");
        var theirs = await ReadAsync<Bundle>(other, "/api/v1/fhir/Observation?code=44261-6");

        var totals = phq9Totals.Entry.Select(e => (Observation)e.Resource).ToList();
        Assert.Equal([12m, 5m], totals.Select(o => ((Quantity)o.Value).Value));
        Assert.All(totals, o => Assert.Equal(("http://loinc.org", "44261-6"), (o.Code.Coding.Single().System, o.Code.Coding.Single().Code)));
        Assert.Equal("Moderate", totals[0].Interpretation.Single().Text);
        Assert.Equal($"QuestionnaireResponse/{firstId}", totals[0].DerivedFrom.Single().Reference);
        Assert.Equal(7m, ((Quantity)((Observation)gad7Totals.Entry.Single().Resource).Value).Value);
        var panel = (Observation)phq9Panels.Entry.First().Resource;
        Assert.Equal(2, phq9Panels.Total);
        Assert.Equal($"Observation/{firstId}-total", panel.HasMember.Single().Reference);
        Assert.Equal(6, all.Total);
        Assert.Equal(0, wrongSystem.Total);
        Assert.Equal([24m], theirs.Entry.Select(e => ((Quantity)((Observation)e.Resource).Value).Value));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/fhir/Observation/{firstId}-total", Cancel)).StatusCode);
        Assert.Equal(12m, ((Quantity)(await ReadAsync<Observation>(owner, $"/api/v1/fhir/Observation/{firstId}-total")).Value).Value);
    }

    [Fact]
    public void Firelys_validation_really_checks_an_observation_without_its_required_status_and_code()
    {
        Assert.NotEmpty(new Observation().Validate(ModelInfo.ModelInspector, NarrativeValidationKind.FhirXhtml, validator: null, validateRecursively: true));
    }

    [Fact]
    public async Task The_fhir_export_needs_a_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/fhir/QuestionnaireResponse", Cancel)).StatusCode);
    }
}
