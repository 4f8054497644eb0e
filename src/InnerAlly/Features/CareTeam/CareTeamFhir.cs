using Hl7.Fhir.Model;
using InnerAlly.Features.Clinics;
using InnerAlly.Features.Measures;

namespace InnerAlly.Features.CareTeam;

/// <summary>
/// One client's work with one therapist as HL7 FHIR R4 resources (Firely SDK): the client as a
/// Patient known by the name they chose (never their account's email or id), the clinic as an
/// Organization, the therapist as a Practitioner and PractitionerRole, the relationship as a
/// CareTeam, and each sharing choice as a Consent whose provision permits (or, for a category not
/// shared, denies) this therapist access from the date it covers, with nested provisions for the
/// entries kept private or shared alone. docs/care-team.md describes the mapping.
/// </summary>
public static class CareTeamFhir
{
    public const string SharingSystem = "urn:innerally:sharing";
    public const string EntrySystem = "urn:innerally:entries";
    public const string RoleSystem = "urn:innerally:staff-roles";

    public static string PatientId(CareAccess.Client client) => client.Relationship.Id.ToString();

    public static string PractitionerId(CareAccess.Client client) => client.Therapist.Id.ToString();

    private static string When(DateTime at) => new FhirDateTime(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc), TimeSpan.Zero)).Value!;

    public static IEnumerable<Resource> PeopleFor(CareAccess.Client client, Clinic clinic)
    {
        var patient = new ResourceReference($"Patient/{PatientId(client)}");
        var organization = new ResourceReference($"Organization/{clinic.Id}", clinic.Name);
        var role = new ResourceReference($"PractitionerRole/{PractitionerId(client)}", client.Therapist.DisplayName);
        var telecom = new List<ContactPoint>();
        if (clinic.ContactEmail is { } email)
        {
            telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, ContactPoint.ContactPointUse.Work, email));
        }

        if (clinic.ContactPhone is { } phone)
        {
            telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Work, phone));
        }

        yield return new Patient { Id = PatientId(client), Name = [new HumanName { Text = client.Relationship.ClientName }] };
        yield return new Organization { Id = clinic.Id.ToString(), Active = true, Name = clinic.Name, Telecom = telecom };
        yield return new Practitioner { Id = PractitionerId(client), Active = client.Therapist.IsActive, Name = [new HumanName { Text = client.Therapist.DisplayName }] };
        yield return new PractitionerRole
        {
            Id = PractitionerId(client),
            Active = client.Therapist.IsActive,
            Practitioner = new ResourceReference($"Practitioner/{PractitionerId(client)}", client.Therapist.DisplayName),
            Organization = organization,
            Code = [new CodeableConcept(RoleSystem, "therapist", "Therapist")],
        };
        yield return new Hl7.Fhir.Model.CareTeam
        {
            Id = client.Relationship.Id.ToString(),
            Status = Hl7.Fhir.Model.CareTeam.CareTeamStatus.Active,
            Name = $"{client.Relationship.ClientName} with {client.Therapist.DisplayName}",
            Subject = patient,
            Period = new Period { Start = When(client.Relationship.StartedAt) },
            Participant = [new Hl7.Fhir.Model.CareTeam.ParticipantComponent { Member = role, OnBehalfOf = organization, Period = new Period { Start = When(client.Relationship.StartedAt) } }],
            ManagingOrganization = [organization],
        };
    }

    /// <summary>A Consent for every category the client shares, or holds an entry's mark in.</summary>
    public static IEnumerable<Consent> ConsentsFor(CareAccess.Client client, Clinic clinic)
    {
        foreach (var category in SharingCategories.All)
        {
            var marks = client.Entries.Values.Where(e => e.Category == category.Key).OrderBy(e => e.ChangedAt).ToList();
            var shared = client.Sharing.GetValueOrDefault(category.Key);
            if (shared is null && marks.Count == 0)
            {
                continue;
            }

            yield return new Consent
            {
                Id = $"{client.Relationship.Id}-{category.Key}",
                Status = Consent.ConsentState.Active,
                Scope = new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", "Privacy Consent"),
                Category = [new CodeableConcept("http://loinc.org", "59284-0", "Patient Consent")],
                Patient = new ResourceReference($"Patient/{PatientId(client)}"),
                DateTime = When(shared?.Since ?? marks[0].ChangedAt),
                Performer = [new ResourceReference($"Patient/{PatientId(client)}")],
                Organization = [new ResourceReference($"Organization/{clinic.Id}", clinic.Name)],
                PolicyRule = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN", "opt-in"),
                Provision = new Consent.provisionComponent
                {
                    Type = shared is null ? Consent.ConsentProvisionType.Deny : Consent.ConsentProvisionType.Permit,
                    Actor =
                    [
                        new Consent.provisionActorComponent
                        {
                            Role = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", "information recipient"),
                            Reference = new ResourceReference($"PractitionerRole/{PractitionerId(client)}", client.Therapist.DisplayName),
                        },
                    ],
                    Action = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentaction", "access", "Access")],
                    Code = [new CodeableConcept(SharingSystem, category.Key, category.Name)],
                    DataPeriod = shared?.SharedFrom is { } from ? new Period { Start = When(from) } : null,
                    Provision =
                    [
                        .. marks.Select(m => new Consent.provisionComponent
                        {
                            Type = m.Shared ? Consent.ConsentProvisionType.Permit : Consent.ConsentProvisionType.Deny,
                            Data = [new Consent.provisionDataComponent { Meaning = Consent.ConsentDataMeaning.Instance, Reference = new ResourceReference { Identifier = new Identifier(EntrySystem, m.EntryId.ToString()) } }],
                        }),
                    ],
                },
            };
        }
    }

    /// <summary>A collection Bundle; each entry's full address is the caseload's FHIR base and its type and id, which its references resolve against.</summary>
    public static Bundle Collection(IEnumerable<Resource> resources, Uri fhirBase)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Timestamp = DateTimeOffset.UtcNow };
        foreach (var resource in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = new Uri(fhirBase, $"{resource.TypeName}/{resource.Id}").ToString(), Resource = resource });
        }

        return bundle;
    }

    /// <summary>The client's shared questionnaire responses, each with its questionnaire once and its observations, all about the Patient.</summary>
    public static IEnumerable<Resource> QuestionnairesFor(CareAccess.Client client, IEnumerable<(Instrument Instrument, MeasureHistory.Entry Entry)> shared, Uri site)
    {
        var patient = new ResourceReference($"Patient/{PatientId(client)}");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (instrument, entry) in shared)
        {
            if (seen.Add(instrument.Code))
            {
                yield return FhirExport.QuestionnaireFor(instrument, site);
            }

            var response = FhirExport.ResponseFor(instrument, entry.Response, site);
            response.Subject = patient;
            yield return response;
            foreach (var observation in FhirExport.ObservationsFor(instrument, entry))
            {
                observation.Subject = patient;
                yield return observation;
            }
        }
    }
}
