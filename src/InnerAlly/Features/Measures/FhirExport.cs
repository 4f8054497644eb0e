using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace InnerAlly.Features.Measures;

/// <summary>
/// A person's questionnaires and responses as HL7 FHIR R4 resources (Firely SDK), so results can
/// leave with them: each instrument as a Questionnaire, each response as a QuestionnaireResponse,
/// and each complete response's total as an Observation with its LOINC code where one exists,
/// grouped under a panel Observation. docs/measures.md describes the mapping.
/// </summary>
public static class FhirExport
{
    public const string ContentType = "application/fhir+json";

    /// <summary>For instruments without a published code (WHO-5, SCS-SF, a clinic's own).</summary>
    public const string LocalSystem = "urn:innerally:measures";

    public const string OrdinalValueExtension = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

    public static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).Pretty();

    public static string QuestionnaireUrl(Uri site, string code) => new Uri(site, $"/api/v1/fhir/Questionnaire/{code}").ToString();

    public static Coding PanelCode(Instrument instrument) =>
        instrument.Codes?.Panel is { } c ? new Coding(c.System, c.Code, c.Display) : new Coding(LocalSystem, instrument.Code, instrument.Title);

    public static Coding TotalCode(Instrument instrument) =>
        instrument.Codes?.Total is { } c ? new Coding(c.System, c.Code, c.Display) : new Coding(LocalSystem, $"{instrument.Code}-total", $"{instrument.Title} total score");

    public static Questionnaire QuestionnaireFor(Instrument instrument, Uri site)
    {
        var questionnaire = new Questionnaire
        {
            Id = instrument.Code,
            Url = QuestionnaireUrl(site, instrument.Code),
            Title = instrument.Title,
            Status = PublicationStatus.Active,
            Description = instrument.About,
            Copyright = $"{instrument.Attribution} {instrument.Licence} {instrument.Citation}",
            Code = [PanelCode(instrument)],
            SubjectType = [ResourceType.Patient],
            Item = [new Questionnaire.ItemComponent { LinkId = "stem", Text = instrument.Stem, Type = Questionnaire.QuestionnaireItemType.Display }],
        };
        foreach (var item in instrument.AllItems)
        {
            questionnaire.Item.Add(new Questionnaire.ItemComponent
            {
                LinkId = item.Id,
                Prefix = instrument.IsFollowUp(item) ? null : $"{item.Id}.",
                Text = item.Text,
                Type = Questionnaire.QuestionnaireItemType.Choice,
                Required = !instrument.IsFollowUp(item),
                AnswerOption = [.. instrument.OptionsFor(item).Select(o => new Questionnaire.AnswerOptionComponent { Value = OptionCoding(instrument, item, o) })],
            });
        }

        return questionnaire;
    }

    /// <summary>The answer as a coding whose code is its value, with the value also as an ordinalValue extension.</summary>
    private static Coding OptionCoding(Instrument instrument, Item item, AnswerOption option)
    {
        var coding = new Coding($"{LocalSystem}:{instrument.Code}:{(instrument.IsFollowUp(item) ? item.Id : "options")}", option.Value.ToString(CultureInfo.InvariantCulture), option.Label);
        coding.Extension.Add(new Extension(OrdinalValueExtension, new FhirDecimal(option.Value)));
        return coding;
    }

    public static QuestionnaireResponse ResponseFor(Instrument instrument, MeasureResponse response, Uri site)
    {
        var answers = response.Answers;
        return new QuestionnaireResponse
        {
            Id = response.Id.ToString(),
            Questionnaire = QuestionnaireUrl(site, instrument.Code),
            Status = response.IsComplete ? QuestionnaireResponse.QuestionnaireResponseStatus.Completed : QuestionnaireResponse.QuestionnaireResponseStatus.InProgress,
            Authored = new FhirDateTime(new DateTimeOffset(response.CompletedAt ?? response.UpdatedAt, TimeSpan.Zero)).Value,
            Item = [.. instrument.AllItems
                .Where(i => answers.TryGetValue(i.Id, out var v) && v is not null)
                .Select(i => new QuestionnaireResponse.ItemComponent
                {
                    LinkId = i.Id,
                    Text = i.Text,
                    Answer = [new QuestionnaireResponse.AnswerComponent { Value = OptionCoding(instrument, i, instrument.OptionsFor(i).First(o => o.Value == answers[i.Id])) }],
                })],
        };
    }

    /// <summary>For a scored complete response with a total: the panel Observation and the total's Observation. Nothing otherwise.</summary>
    public static IEnumerable<Observation> ObservationsFor(Instrument instrument, MeasureHistory.Entry entry)
    {
        if (entry.Scores?.Total is not { } total || entry.Response.CompletedAt is not { } completedAt)
        {
            yield break;
        }

        var id = entry.Response.Id;
        var effective = new FhirDateTime(new DateTimeOffset(completedAt, TimeSpan.Zero));
        var category = new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey");
        var derivedFrom = new ResourceReference($"QuestionnaireResponse/{id}");
        var totalObservation = new Observation
        {
            Id = $"{id}-total",
            Status = ObservationStatus.Final,
            Category = [category],
            Code = new CodeableConcept { Coding = [TotalCode(instrument)], Text = $"{instrument.ShortTitle} total score" },
            Effective = effective,
            Value = new Quantity { Value = total.Value, Unit = "{score}", System = "http://unitsofmeasure.org", Code = "{score}" },
            DerivedFrom = [derivedFrom],
        };
        if (total.Band is { } band)
        {
            totalObservation.Interpretation = [new CodeableConcept { Text = band.Label }];
        }

        yield return new Observation
        {
            Id = $"{id}-panel",
            Status = ObservationStatus.Final,
            Category = [category],
            Code = new CodeableConcept { Coding = [PanelCode(instrument)], Text = instrument.Title },
            Effective = effective,
            HasMember = [new ResourceReference($"Observation/{id}-total")],
            DerivedFrom = [derivedFrom],
        };
        yield return totalObservation;
    }

    /// <summary>A searchset Bundle of the resources found, each with its full address on this server.</summary>
    public static Bundle SearchSet(IEnumerable<Resource> resources, Uri site, string self)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Link = [new Bundle.LinkComponent { Relation = "self", Url = self }] };
        foreach (var resource in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = new Uri(site, $"/api/v1/fhir/{resource.TypeName}/{resource.Id}").ToString(),
                Resource = resource,
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        bundle.Total = bundle.Entry.Count;
        return bundle;
    }

    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, Json);
}
