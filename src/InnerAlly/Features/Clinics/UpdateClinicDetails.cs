namespace InnerAlly.Features.Clinics;

/// <summary>An admin changes the clinic's name, time zone and contact details; its short name stays, so its addresses keep working.</summary>
public static class UpdateClinicDetails
{
    public const string NameNeeded = "Please give the clinic's name, up to 120 characters.";
    public const string TimeZoneNeeded = "Choose the clinic's time zone from the list, such as Europe/London.";

    public sealed class Request : IValidatableObject
    {
        [Required(ErrorMessage = NameNeeded)]
        [StringLength(Clinic.NameMaxLength, ErrorMessage = NameNeeded)]
        public string Name { get; set; } = "";

        /// <summary>An IANA time zone, such as Europe/London.</summary>
        [Required(ErrorMessage = TimeZoneNeeded)]
        public string TimeZone { get; set; } = "UTC";

        /// <summary>How clients can reach the clinic by email.</summary>
        [EmailAddress(ErrorMessage = "Please give an email address like hello@example.org, or leave it empty.")]
        [StringLength(Clinic.EmailMaxLength)]
        public string? ContactEmail { get; set; }

        [StringLength(Clinic.PhoneMaxLength, ErrorMessage = "A phone number can be up to 40 characters.")]
        public string? ContactPhone { get; set; }

        /// <summary>Whether the clinic's therapists read each other's session notes (a shared clinical record). Left out, it stays as it is.</summary>
        public bool? SharedClinicalRecord { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (!string.IsNullOrWhiteSpace(TimeZone) && TimeZones.Normalize(TimeZone) is null)
            {
                yield return new ValidationResult(TimeZoneNeeded, [nameof(TimeZone)]);
            }
        }

        public static Request From(Clinic clinic) => new() { Name = clinic.Name, TimeZone = clinic.TimeZone, ContactEmail = clinic.ContactEmail, ContactPhone = clinic.ContactPhone, SharedClinicalRecord = clinic.SharedClinicalRecord };
    }

    public sealed record Response(string Slug, string Name, string TimeZone, string? ContactEmail, string? ContactPhone, bool SharedClinicalRecord)
    {
        public static Response From(Clinic clinic) => new(clinic.Slug, clinic.Name, clinic.TimeZone, clinic.ContactEmail, clinic.ContactPhone, clinic.SharedClinicalRecord);
    }

    public static async Task<Response> HandleAsync(Clinic clinic, Request request, AppDbContext db, CancellationToken cancellationToken)
    {
        clinic.Change(new Clinic.Details(request.Name, TimeZones.Normalize(request.TimeZone)!, request.ContactEmail, request.ContactPhone));
        if (request.SharedClinicalRecord is { } shared)
        {
            clinic.ShareClinicalRecord(shared);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Response.From(clinic);
    }
}
